namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;
using Locality = ControlPlane.Model.Services.Locality;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Type.V3;

/// <summary>
/// <c>applyTrafficPolicy</c> (<c>cluster_traffic_policy.go</c>): connection pool and retry budget (with MeshConfig's
/// keepalive under the rule's) on every cluster, outlier detection, load balancing (<see cref="ClusterLoadBalancer"/>)
/// and the HTTP/2 upgrade (the rule's, else MeshConfig's) on outbound ones. Client TLS and the PROXY protocol wrapper,
/// istiod's last steps, are <see cref="UpstreamTlsBuilder"/> and <see cref="UpstreamProxyProtocol"/>, called by the
/// outbound builder after this.
/// </summary>
internal static class ClusterTrafficPolicy
{
    /// <param name="proxyLocality">The proxy's locality, for locality settings on inline (DNS) endpoints; null when none can apply.</param>
    /// <param name="portProtocol">The outbound cluster's service port protocol, which limits MeshConfig's HTTP/2 upgrade to HTTP ports.</param>
    public static void Apply(
        ClusterDraft draft, TrafficPolicy? policy, MeshConfig mesh, bool outbound, Locality? proxyLocality = null, Protocol? portProtocol = null)
    {
        var pool = policy?.ConnectionPool ?? new ConnectionPoolSettings();

        // Before the pool, so that HTTP/2 settings of the pool land on the upgraded protocol options.
        if (outbound && ShouldUpgradeToHttp2(pool, mesh, portProtocol))
        {
            draft.UseHttp2();
        }

        ApplyConnectionPool(draft, pool, mesh, policy?.RetryBudget);
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
    /// MeshConfig's policy, for HTTP ports only, so that sniffed ports keep the client's protocol.
    /// </summary>
    private static bool ShouldUpgradeToHttp2(ConnectionPoolSettings pool, MeshConfig mesh, Protocol? portProtocol)
    {
        if (pool.UseClientProtocol)
        {
            return false;
        }

        if (pool.H2UpgradePolicy != H2UpgradePolicy.Default)
        {
            return pool.H2UpgradePolicy == H2UpgradePolicy.Upgrade;
        }

        if (portProtocol is { } protocol && !protocol.IsHttp())
        {
            return false;
        }

        return mesh.H2UpgradePolicy == H2UpgradePolicy.Upgrade;
    }

    /// <summary>
    /// <c>applyConnectionPool</c>. Zero and unset keep the MaxUint32 defaults (istiod cannot tell them apart either); HTTP idle
    /// timeout, requests per connection, connection lifetime and HTTP/2 stream limit go to the upstream HTTP options.
    /// </summary>
    public static void ApplyConnectionPool(
        ClusterDraft draft, ConnectionPoolSettings settings, MeshConfig mesh, RetryBudgetSettings? retryBudget = null)
    {
        var thresholds = CircuitBreakerDefaults.Thresholds();
        CircuitBreakerDefaults.ApplyRetryBudget(thresholds, retryBudget);
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

        ClusterTcpKeepalive.Apply(draft.Cluster, mesh.TcpKeepalive, settings.TcpKeepalive);
        if (settings.UseClientProtocol)
        {
            draft.UseDownstreamProtocol();
        }
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
