namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Endpoints;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Type.V3;
using Locality = ControlPlane.Model.Services.Locality;

/// <summary>
/// istiod's <c>applyLoadBalancer</c> (<c>cluster_traffic_policy.go</c>): the locality setting first, then the policy
/// (LEAST_REQUEST unless the rule says otherwise, with slow start for LEAST_REQUEST and ROUND_ROBIN), and a consistent
/// hash last, which replaces both. Runs after outlier detection, which decides whether failover is on.
/// </summary>
internal static class ClusterLoadBalancer
{
    /// <summary>Envoy requires a runtime key; istiod names one no runtime layer defines, so the default always applies.</summary>
    private const string UnusedRuntimeKey = "(";

    public static void Apply(Cluster cluster, LoadBalancerSettings? lb, MeshConfig mesh, Locality proxyLocality)
    {
        ApplyLocality(cluster, LocalityLbResolver.Effective(lb?.LocalityLbSetting, mesh), proxyLocality);
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
                if (SlowStart(lb) is { } roundRobinSlowStart)
                {
                    cluster.RoundRobinLbConfig = new Cluster.Types.RoundRobinLbConfig { SlowStartConfig = roundRobinSlowStart };
                }

                break;
            case SimpleLoadBalancer.Passthrough:
                // A PASSTHROUGH policy turns even a STATIC/DNS service into an original-destination cluster.
                cluster.LbPolicy = Cluster.Types.LbPolicy.ClusterProvided;
                cluster.Type = Cluster.Types.DiscoveryType.OriginalDst;
                cluster.LoadAssignment = null;
                break;
            default:
                cluster.LbPolicy = Cluster.Types.LbPolicy.LeastRequest;
                if (SlowStart(lb) is { } leastRequestSlowStart)
                {
                    cluster.LeastRequestLbConfig = new Cluster.Types.LeastRequestLbConfig { SlowStartConfig = leastRequestSlowStart };
                }

                break;
        }

        ApplyConsistentHash(cluster, lb?.ConsistentHash);
    }

    /// <summary>
    /// <c>applyLocalityLoadBalancer</c>: locality-weighted balancing whenever weights are set, or failover is configured
    /// and on (outlier detection); inline (DNS) endpoints are reprioritised for the proxy as EDS would be, without label
    /// priorities (istiod leaves those to EDS).
    /// </summary>
    private static void ApplyLocality(Cluster cluster, LocalityLbSetting? setting, Locality proxyLocality)
    {
        if (setting is null)
        {
            return;
        }

        var enableFailover = cluster.OutlierDetection is not null;
        if (!setting.Distribute.IsEmpty || (enableFailover && (!setting.Failover.IsEmpty || !setting.FailoverPriority.IsEmpty)))
        {
            cluster.CommonLbConfig ??= new Cluster.Types.CommonLbConfig();
            cluster.CommonLbConfig.LocalityWeightedLbConfig = new Cluster.Types.CommonLbConfig.Types.LocalityWeightedLbConfig();
        }

        if (cluster.LoadAssignment is { } assignment)
        {
            LocalityLoadBalancer.Apply(assignment, groupEndpoints: null, setting, enableFailover, proxyLocality, priorityLabels: null);
        }
    }

    /// <summary>
    /// <c>setWarmup</c>, or the deprecated <c>setSlowStartConfig</c>: aggression 1.0 (linear) and 10% minimum weight
    /// unless set, as Envoy's own defaults.
    /// </summary>
    private static Cluster.Types.SlowStartConfig? SlowStart(LoadBalancerSettings? lb)
    {
        if (lb?.Warmup is { } warmup)
        {
            return new Cluster.Types.SlowStartConfig
            {
                SlowStartWindow = EnvoyProto.Duration(warmup.Duration),
                Aggression = new RuntimeDouble { DefaultValue = warmup.Aggression ?? 1, RuntimeKey = UnusedRuntimeKey },
                MinWeightPercent = new Percent { Value = warmup.MinimumPercent ?? 10 },
            };
        }

        return lb?.WarmupDuration is { } window
            ? new Cluster.Types.SlowStartConfig { SlowStartWindow = EnvoyProto.Duration(window) }
            : null;
    }

    /// <summary>
    /// <c>ApplyRingHashLoadBalancer</c>: MAGLEV (with its table size when set), or RING_HASH with Envoy's 1024 minimum ring
    /// unless configured.
    /// </summary>
    private static void ApplyConsistentHash(Cluster cluster, ConsistentHashSettings? hash)
    {
        if (hash is null)
        {
            return;
        }

        if (hash.Maglev)
        {
            cluster.LbPolicy = Cluster.Types.LbPolicy.Maglev;
            if (hash.MaglevTableSize != 0)
            {
                cluster.MaglevLbConfig = new Cluster.Types.MaglevLbConfig { TableSize = hash.MaglevTableSize };
            }

            return;
        }

        cluster.LbPolicy = Cluster.Types.LbPolicy.RingHash;
        cluster.RingHashLbConfig = new Cluster.Types.RingHashLbConfig
        {
            MinimumRingSize = hash.MinimumRingSize != 0 ? hash.MinimumRingSize : 1024,
        };
    }
}
