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

    /// <summary><c>http.idleTimeout</c>.</summary>
    public TimeSpan? HttpIdleTimeout { get; init; }

    /// <summary><c>tcp.idleTimeout</c>: outbound tcp_proxy filters read only this one.</summary>
    public TimeSpan? TcpIdleTimeout { get; init; }

    /// <summary>A cluster's idle timeout: the HTTP one, falling back to the TCP one as istiod does.</summary>
    public TimeSpan? IdleTimeout => HttpIdleTimeout ?? TcpIdleTimeout;

    public TcpKeepaliveSettings? TcpKeepalive { get; init; }

    public TimeSpan? MaxConnectionDuration { get; init; }

    public H2UpgradePolicy H2UpgradePolicy { get; init; }

    public bool UseClientProtocol { get; init; }

    public int? MaxConcurrentStreams { get; init; }
}
