namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using Locality = ControlPlane.Model.Services.Locality;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Type.V3;

/// <summary>
/// <c>applyTrafficPolicy</c> (<c>cluster_traffic_policy.go</c>): connection pool on every cluster, outlier detection and
/// load balancing (<see cref="ClusterLoadBalancer"/>) and the HTTP/2 upgrade on outbound ones. Client TLS, istiod's last
/// step, is <see cref="UpstreamTlsBuilder"/>, called by the outbound builder after this.
/// </summary>
internal static class ClusterTrafficPolicy
{
    /// <param name="proxyLocality">The proxy's locality, for locality settings on inline (DNS) endpoints; null when none can apply.</param>
    public static void Apply(ClusterDraft draft, TrafficPolicy? policy, MeshConfig mesh, bool outbound, Locality? proxyLocality = null)
    {
        var pool = policy?.ConnectionPool ?? new ConnectionPoolSettings();

        // Before the pool, so that HTTP/2 settings of the pool land on the upgraded protocol options.
        if (outbound && ShouldUpgradeToHttp2(pool))
        {
            draft.UseHttp2();
        }

        ApplyConnectionPool(draft, pool, mesh);
        if (outbound)
        {
            ApplyOutlierDetection(draft.Cluster, policy?.OutlierDetection);
            ClusterLoadBalancer.Apply(draft.Cluster, policy?.LoadBalancer, mesh, proxyLocality ?? Locality.Unknown);
        }

        if (draft.Cluster.Type == Cluster.Types.DiscoveryType.OriginalDst)
        {
            draft.Cluster.LbPolicy = Cluster.Types.LbPolicy.ClusterProvided;
        }
    }

    /// <summary>
    /// <c>shouldH2Upgrade</c>: the rule's <c>h2UpgradePolicy</c> decides (never with <c>useClientProtocol</c>); otherwise
    /// MeshConfig's policy, which is istiod's default DO_NOT_UPGRADE here (the mesh setting is not read yet).
    /// </summary>
    private static bool ShouldUpgradeToHttp2(ConnectionPoolSettings pool) =>
        !pool.UseClientProtocol && pool.H2UpgradePolicy == H2UpgradePolicy.Upgrade;

    /// <summary>
    /// <c>applyConnectionPool</c>. Zero and unset keep the MaxUint32 defaults (istiod cannot tell them apart either); HTTP idle
    /// timeout, requests per connection, connection lifetime and HTTP/2 stream limit go to the upstream HTTP options.
    /// </summary>
    public static void ApplyConnectionPool(ClusterDraft draft, ConnectionPoolSettings settings, MeshConfig mesh)
    {
        var thresholds = CircuitBreakerDefaults.Thresholds();
        if (settings.Http2MaxRequests > 0)
        {
            thresholds.MaxRequests = (uint)settings.Http2MaxRequests.Value;
        }

        if (settings.Http1MaxPendingRequests > 0)
        {
            thresholds.MaxPendingRequests = (uint)settings.Http1MaxPendingRequests.Value;
        }

        if (settings.MaxRetries > 0)
        {
            thresholds.MaxRetries = (uint)settings.MaxRetries.Value;
        }

        if (settings.MaxConnections > 0)
        {
            thresholds.MaxConnections = (uint)settings.MaxConnections.Value;
        }

        draft.Cluster.ConnectTimeout = EnvoyProto.Duration(settings.ConnectTimeout ?? mesh.ConnectTimeout);
        draft.Cluster.CircuitBreakers = new CircuitBreakers();
        draft.Cluster.CircuitBreakers.Thresholds.Add(thresholds);

        if (settings.IdleTimeout is { } idle)
        {
            draft.EnsureCommonHttpOptions().IdleTimeout = EnvoyProto.Duration(idle);
        }

        if (settings.MaxRequestsPerConnection > 0)
        {
            draft.EnsureCommonHttpOptions().MaxRequestsPerConnection = (uint)settings.MaxRequestsPerConnection.Value;
        }

        if (settings.MaxConnectionDuration is { } lifetime)
        {
            draft.EnsureCommonHttpOptions().MaxConnectionDuration = EnvoyProto.Duration(lifetime);
        }

        if (settings.MaxConcurrentStreams > 0)
        {
            // istiod creates the (empty) common options for a stream limit even when the cluster is not HTTP/2.
            _ = draft.EnsureCommonHttpOptions();
            if (draft.HttpOptions?.ExplicitHttpConfig?.Http2ProtocolOptions is { } http2)
            {
                http2.MaxConcurrentStreams = (uint)settings.MaxConcurrentStreams.Value;
            }
        }

        ApplyTcpKeepalive(draft.Cluster, settings.TcpKeepalive);
        if (settings.UseClientProtocol)
        {
            draft.UseDownstreamProtocol();
        }
    }

    /// <summary>
    /// <c>applyTCPKeepalive</c>: SO_KEEPALIVE with the operating system's values, overridden by those set; Envoy takes
    /// whole seconds. MeshConfig's <c>tcpKeepalive</c> is not read yet, so only the rule's applies.
    /// </summary>
    private static void ApplyTcpKeepalive(Cluster cluster, TcpKeepaliveSettings? keepalive)
    {
        if (keepalive is null)
        {
            return;
        }

        var options = new TcpKeepalive();
        if (keepalive.Probes > 0)
        {
            options.KeepaliveProbes = keepalive.Probes;
        }

        if (keepalive.Time is { } time)
        {
            options.KeepaliveTime = (uint)time.TotalSeconds;
        }

        if (keepalive.Interval is { } interval)
        {
            options.KeepaliveInterval = (uint)interval.TotalSeconds;
        }

        cluster.UpstreamConnectionOptions = new UpstreamConnectionOptions { TcpKeepalive = options };
    }

    /// <summary>
    /// <c>applyOutlierDetection</c>. Success-rate ejection is always disabled, and the panic threshold is set to
    /// minHealthPercent even when unset (0): panic mode is rarely right with the few pods per service typical in Kubernetes.
    /// </summary>
    private static void ApplyOutlierDetection(Cluster cluster, OutlierDetectionSettings? outlier)
    {
        if (outlier is null)
        {
            return;
        }

        var result = new OutlierDetection { EnforcingSuccessRate = 0 };
        if (outlier.Consecutive5xxErrors is { } errors5xx)
        {
            result.Consecutive5Xx = (uint)errors5xx;
            result.EnforcingConsecutive5Xx = errors5xx > 0 ? 100u : 0u;
        }

        if (outlier.ConsecutiveGatewayErrors is { } gatewayErrors)
        {
            result.ConsecutiveGatewayFailure = (uint)gatewayErrors;
            result.EnforcingConsecutiveGatewayFailure = gatewayErrors > 0 ? 100u : 0u;
        }

        if (outlier.Interval is { } interval)
        {
            result.Interval = EnvoyProto.Duration(interval);
        }

        if (outlier.BaseEjectionTime is { } ejection)
        {
            result.BaseEjectionTime = EnvoyProto.Duration(ejection);
        }

        if (outlier.MaxEjectionPercent > 0)
        {
            result.MaxEjectionPercent = (uint)outlier.MaxEjectionPercent.Value;
        }

        if (outlier.SplitExternalLocalOriginErrors)
        {
            result.SplitExternalLocalOriginErrors = true;
            if (outlier.ConsecutiveLocalOriginFailures > 0)
            {
                result.ConsecutiveLocalOriginFailure = outlier.ConsecutiveLocalOriginFailures.Value;
                result.EnforcingConsecutiveLocalOriginFailure = 100;
            }

            // Success-rate ejection stays off for local-origin errors too.
            result.EnforcingLocalOriginSuccessRate = 0;
        }

        cluster.OutlierDetection = result;
        cluster.CommonLbConfig ??= new Cluster.Types.CommonLbConfig();
        cluster.CommonLbConfig.HealthyPanicThreshold = new Percent { Value = outlier.MinHealthPercent ?? 0 };
    }
}
