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

    /// <summary>HTTP idle timeout: <c>http.idleTimeout</c>, falling back to <c>tcp.idleTimeout</c> as istiod does for clusters.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary><c>tcp.idleTimeout</c> alone: outbound tcp_proxy filters read only this one.</summary>
    public TimeSpan? TcpIdleTimeout { get; init; }

    public TcpKeepaliveSettings? TcpKeepalive { get; init; }

    public TimeSpan? MaxConnectionDuration { get; init; }

    public H2UpgradePolicy H2UpgradePolicy { get; init; }

    public bool UseClientProtocol { get; init; }

    public int? MaxConcurrentStreams { get; init; }
}
