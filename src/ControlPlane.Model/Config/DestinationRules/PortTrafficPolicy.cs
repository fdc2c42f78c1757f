namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>portLevelSettings entry: overrides for one service port.</summary>
public sealed record PortTrafficPolicy(int Port)
{
    public LoadBalancerSettings? LoadBalancer { get; init; }

    public ConnectionPoolSettings? ConnectionPool { get; init; }

    public OutlierDetectionSettings? OutlierDetection { get; init; }

    public ClientTlsSettings? Tls { get; init; }
}
