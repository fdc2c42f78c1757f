namespace ControlPlane.Xds.Status;

using ControlPlane.Model.Proxies;

/// <summary>One connected ADS stream.</summary>
public sealed record ConnectionStatus(
    string ConnectionId,
    Proxy Proxy,
    XdsProtocol Protocol,
    DateTimeOffset ConnectedAt,
    IReadOnlyList<SubscriptionStatus> Subscriptions);
