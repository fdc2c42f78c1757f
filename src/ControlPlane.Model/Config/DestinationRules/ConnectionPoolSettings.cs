namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>connectionPool tcp and http settings; null = istiod default.</summary>
public sealed record ConnectionPoolSettings
{
    public int? MaxConnections { get; init; }

    public TimeSpan? ConnectTimeout { get; init; }

    public int? Http1MaxPendingRequests { get; init; }

    public int? Http2MaxRequests { get; init; }

    public int? MaxRequestsPerConnection { get; init; }

    public int? MaxRetries { get; init; }

    public TimeSpan? IdleTimeout { get; init; }

    public TcpKeepaliveSettings? TcpKeepalive { get; init; }

    public TimeSpan? MaxConnectionDuration { get; init; }

    public H2UpgradePolicy H2UpgradePolicy { get; init; }

    public bool UseClientProtocol { get; init; }

    public int? MaxConcurrentStreams { get; init; }
}
