namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Applies the DestinationRule settings gRPC implements to a cluster. Load balancing: <c>ROUND_ROBIN</c>, or
/// <c>RING_HASH</c> with xxHash when the rule asks for a consistent hash (gRFC A42; grpc-js NACKs LEAST_REQUEST, so
/// istiod's sidecar default and <c>LEAST_REQUEST</c>/<c>RANDOM</c> rules all become round robin). Circuit breaking:
/// <c>http2MaxRequests</c> as <c>max_requests</c> (A32). Outlier detection: istiod's mapping (A50 validates it; gRPC
/// ejects only by success rate and failure percentage, which istiod leaves off). Other settings mean nothing to gRPC.
/// </summary>
internal static class ProxylessClusterPolicyBuilder
{
    /// <summary>istiod's default ring size when <c>minimumRingSize</c> is not set.</summary>
    private const ulong DefaultMinimumRingSize = 1024;

    public static void Apply(Cluster cluster, EffectiveTrafficPolicy policy)
    {
        ApplyLoadBalancer(cluster, policy.LoadBalancer);
        if (policy.ConnectionPool?.Http2MaxRequests is > 0 and var maxRequests)
        {
            cluster.CircuitBreakers = new CircuitBreakers();
            cluster.CircuitBreakers.Thresholds.Add(new CircuitBreakers.Types.Thresholds
            {
                Priority = RoutingPriority.Default,
                MaxRequests = (uint)maxRequests,
            });
        }

        if (policy.OutlierDetection is { } outlier)
        {
            cluster.OutlierDetection = BuildOutlierDetection(outlier);
        }
    }

    private static void ApplyLoadBalancer(Cluster cluster, LoadBalancerSettings? settings)
    {
        if (settings?.ConsistentHash is not { } hash)
        {
            cluster.LbPolicy = Cluster.Types.LbPolicy.RoundRobin;
            return;
        }

        // Maglev is Envoy-only; gRPC's consistent hash is the ring.
        cluster.LbPolicy = Cluster.Types.LbPolicy.RingHash;
        cluster.RingHashLbConfig = new Cluster.Types.RingHashLbConfig
        {
            HashFunction = Cluster.Types.RingHashLbConfig.Types.HashFunction.XxHash,
            MinimumRingSize = hash.MinimumRingSize > 0 ? hash.MinimumRingSize : DefaultMinimumRingSize,
        };
    }

    // istiod's applyOutlierDetection: legacy consecutiveErrors counts gateway errors only; success-rate ejection off.
    private static OutlierDetection BuildOutlierDetection(OutlierDetectionSettings settings)
    {
        var result = new OutlierDetection { EnforcingSuccessRate = 0 };
        if (settings.BaseEjectionTime is { } baseEjection)
        {
            result.BaseEjectionTime = Duration.FromTimeSpan(baseEjection);
        }

        if (settings.ConsecutiveErrors is > 0 and var legacy)
        {
            result.ConsecutiveGatewayFailure = (uint)legacy;
            result.EnforcingConsecutiveGatewayFailure = 100;
            result.EnforcingConsecutive5Xx = 0;
        }

        if (settings.Consecutive5xxErrors is { } fiveXx and >= 0)
        {
            result.Consecutive5Xx = (uint)fiveXx;
            result.EnforcingConsecutive5Xx = fiveXx > 0 ? 100u : 0u;
        }

        if (settings.ConsecutiveGatewayErrors is { } gateway and >= 0)
        {
            result.ConsecutiveGatewayFailure = (uint)gateway;
            result.EnforcingConsecutiveGatewayFailure = gateway > 0 ? 100u : 0u;
        }

        if (settings.Interval is { } interval)
        {
            result.Interval = Duration.FromTimeSpan(interval);
        }

        if (settings.MaxEjectionPercent is > 0 and var percent)
        {
            // gRPC rejects percentages above 100.
            result.MaxEjectionPercent = (uint)Math.Min(percent, 100);
        }

        return result;
    }
}
