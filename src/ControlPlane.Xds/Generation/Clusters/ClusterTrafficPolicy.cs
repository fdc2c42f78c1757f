namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Cluster.V3;
using Envoy.Type.V3;

/// <summary>
/// <c>applyTrafficPolicy</c> (<c>cluster_traffic_policy.go</c>): connection pool on every cluster, outlier detection and
/// load balancing on outbound ones. Client TLS is not applied: it needs SDS secrets, which are not served yet.
/// </summary>
internal static class ClusterTrafficPolicy
{
    public static void Apply(ClusterDraft draft, TrafficPolicy? policy, MeshConfig mesh, bool outbound)
    {
        ApplyConnectionPool(draft, policy?.ConnectionPool ?? new ConnectionPoolSettings(), mesh);
        if (outbound)
        {
            ApplyOutlierDetection(draft.Cluster, policy?.OutlierDetection);
            ApplyLoadBalancer(draft.Cluster, policy?.LoadBalancer);
        }

        if (draft.Cluster.Type == Cluster.Types.DiscoveryType.OriginalDst)
        {
            draft.Cluster.LbPolicy = Cluster.Types.LbPolicy.ClusterProvided;
        }
    }

    /// <summary>
    /// <c>applyConnectionPool</c>. Zero and unset keep the MaxUint32 defaults (istiod cannot tell them apart either); HTTP idle
    /// timeout and requests per connection go to the upstream HTTP options.
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

        cluster.OutlierDetection = result;
        cluster.CommonLbConfig ??= new Cluster.Types.CommonLbConfig();
        cluster.CommonLbConfig.HealthyPanicThreshold = new Percent { Value = outlier.MinHealthPercent ?? 0 };
    }

    /// <summary><c>applyLoadBalancer</c>: LEAST_REQUEST unless the rule says otherwise; consistent hash wins last.</summary>
    private static void ApplyLoadBalancer(Cluster cluster, LoadBalancerSettings? lb)
    {
        if (cluster.Type == Cluster.Types.DiscoveryType.OriginalDst)
        {
            cluster.LbPolicy = Cluster.Types.LbPolicy.ClusterProvided;
            return;
        }

        switch (lb?.Simple ?? SimpleLoadBalancer.Unspecified)
        {
            case SimpleLoadBalancer.Random:
                cluster.LbPolicy = Cluster.Types.LbPolicy.Random;
                break;
            case SimpleLoadBalancer.RoundRobin:
                cluster.LbPolicy = Cluster.Types.LbPolicy.RoundRobin;
                break;
            case SimpleLoadBalancer.Passthrough:
                // A PASSTHROUGH policy turns even a STATIC/DNS service into an original-destination cluster.
                cluster.LbPolicy = Cluster.Types.LbPolicy.ClusterProvided;
                cluster.Type = Cluster.Types.DiscoveryType.OriginalDst;
                cluster.LoadAssignment = null;
                break;
            default:
                cluster.LbPolicy = Cluster.Types.LbPolicy.LeastRequest;
                break;
        }

        ApplyConsistentHash(cluster, lb?.ConsistentHash);
    }

    /// <summary><c>ApplyRingHashLoadBalancer</c>: MAGLEV, or RING_HASH with Envoy's 1024 minimum ring unless configured.</summary>
    private static void ApplyConsistentHash(Cluster cluster, ConsistentHashSettings? hash)
    {
        if (hash is null)
        {
            return;
        }

        if (hash.Maglev)
        {
            cluster.LbPolicy = Cluster.Types.LbPolicy.Maglev;
            return;
        }

        cluster.LbPolicy = Cluster.Types.LbPolicy.RingHash;
        cluster.RingHashLbConfig = new Cluster.Types.RingHashLbConfig
        {
            MinimumRingSize = hash.MinimumRingSize != 0 ? hash.MinimumRingSize : 1024,
        };
    }
}
