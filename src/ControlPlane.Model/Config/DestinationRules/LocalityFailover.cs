namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>One <c>failover</c> entry: proxies in region <see cref="From"/> fail over to region <see cref="To"/>.</summary>
public sealed record LocalityFailover(string From, string To);
