namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>Istio TrafficPolicy. Settings not set are null and fall back to the enclosing level, then to istiod's defaults.</summary>
public sealed record TrafficPolicy
{
    public LoadBalancerSettings? LoadBalancer { get; init; }

    public ConnectionPoolSettings? ConnectionPool { get; init; }

    public OutlierDetectionSettings? OutlierDetection { get; init; }

    public ClientTlsSettings? Tls { get; init; }

    public ImmutableArray<PortTrafficPolicy> PortLevelSettings { get; init; } = [];

    /// <summary>Read from the rule's or the routed subset's own policy only (istiod's <c>tunnelingconfig.Apply</c>).</summary>
    public TunnelSettings? Tunnel { get; init; }

    public ProxyProtocolVersion? ProxyProtocol { get; init; }

    public RetryBudgetSettings? RetryBudget { get; init; }
}
