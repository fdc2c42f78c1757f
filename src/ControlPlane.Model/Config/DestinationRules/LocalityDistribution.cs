namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>One <c>distribute</c> entry: proxies in <see cref="From"/> send traffic to the <see cref="To"/> localities by weight.</summary>
public sealed record LocalityDistribution(string From, ImmutableArray<LocalityWeight> To);
