namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;

/// <summary>
/// Applies the DestinationRule settings gRPC implements to a cluster. Load balancing: <c>ROUND_ROBIN</c>, or
/// <c>RING_HASH</c> with xxHash when the rule asks for a consistent hash (gRFC A42; grpc-js NACKs LEAST_REQUEST, so
/// istiod's sidecar default and <c>LEAST_REQUEST</c>/<c>RANDOM</c> rules all become round robin). Circuit breaking:
/// <c>http2MaxRequests</c> as <c>max_requests</c> (A32), as istiod's grpcgen sets it. <c>outlierDetection</c> is not
/// sent, as istiod's grpcgen does not send it: gRPC (A50) ejects only by success rate and failure percentage, which the
/// Istio API cannot express, and ignores the consecutive-error counters istiod maps for Envoy, so a cluster carrying them
/// would advertise ejection that never happens. Other settings mean nothing to gRPC.
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
}
