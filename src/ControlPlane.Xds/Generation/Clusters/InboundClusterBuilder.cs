namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Inbound clusters (<c>buildInboundClustersFromServiceInstances</c> / <c>buildInboundCluster</c>): one
/// <c>inbound|targetPort||</c> per distinct workload port. With inbound traffic policy PASSTHROUGH (the default) they are
/// ORIGINAL_DST, bound to 127.0.0.6 so iptables does not capture the forwarded connection again.
/// </summary>
internal static class InboundClusterBuilder
{
    /// <summary>istiod sets cleanup_interval to the largest duration Envoy accepts, which disables host cleanup.</summary>
    private const long MaxCleanupSeconds = (long.MaxValue - 999_999_999) / 1_000_000_000;

    public static IEnumerable<Cluster> Build(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        // Ordered by target port; istiod iterates a map here, so its order is not stable.
        foreach (var group in targets.GroupBy(t => t.TargetPort).OrderBy(g => g.Key))
        {
            yield return BuildOne(context, group.Key, [.. group]);
        }
    }

    private static Cluster BuildOne(GenerationContext context, int targetPort, List<ServiceTarget> targets)
    {
        // The first target is the "primary": on conflicting services for one port, the first one wins.
        var primary = targets[0];
        var name = ClusterName.Inbound(targetPort);
        var draft = new ClusterDraft(new Cluster
        {
            Name = name,
            Type = Cluster.Types.DiscoveryType.OriginalDst,
            CommonLbConfig = new Cluster.Types.CommonLbConfig(),
            AltStatName = EnvoyNames.Delimited(name),
            CleanupInterval = new Duration { Seconds = MaxCleanupSeconds },
        });
        ClusterFactory.SetUpstreamProtocol(draft, primary.Port.Protocol);

        if (primary.Service.Location != MeshLocation.External)
        {
            // Telemetry lists every service exposing the same service port on this workload port.
            var services = targets.Where(t => t.Port.Port == primary.Port.Port).Select(t => t.Service).DistinctBy(s => s.Hostname);
            ClusterFactory.AddServices(draft.Cluster, services);
        }

        // Only the connection pool of a rule applies inbound: server-side limits should match what clients were given.
        var rule = context.Push.DestinationRules.Find(context.Proxy.Namespace, primary.Service);
        var policy = TrafficPolicies.ForPort(rule?.Config.TrafficPolicy, primary.Port.Port);
        if (rule?.Config.TrafficPolicy is not null && draft.Cluster.Metadata is not null)
        {
            IstioMetadata.Set(IstioMetadata.IstioStruct(draft.Cluster.Metadata), "config", Value.ForString(rule.Config.ConfigPath));
        }

        ClusterTrafficPolicy.Apply(draft, policy, context.Push.Mesh, outbound: false);
        draft.Cluster.UpstreamBindConfig = new BindConfig
        {
            SourceAddress = new SocketAddress { Address = EnvoyNames.InboundPassthroughBindIpv4, PortValue = 0 },
        };
        return draft.Build();
    }
}
