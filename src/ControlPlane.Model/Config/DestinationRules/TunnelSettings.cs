namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// <c>trafficPolicy.tunnel</c>: outbound TCP to the destination is tunneled to <see cref="TargetHost"/>:<see cref="TargetPort"/>
/// over HTTP CONNECT, or POST when <see cref="UsePost"/>.
/// </summary>
public sealed record TunnelSettings(string TargetHost, int TargetPort, bool UsePost);
