namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Inbound clusters (<c>buildInboundClusters</c> / <c>buildInboundCluster</c>): one <c>inbound|port||</c> per distinct
/// workload target port, or, when the Sidecar has <c>ingress</c> entries, one per entry instead. Without a
/// <c>defaultEndpoint</c> they are ORIGINAL_DST (MeshConfig <c>inboundTrafficPolicy</c> PASSTHROUGH, the default); with
/// one, or for service ports under LOCALHOST, STATIC to it.
/// Clusters not sending to loopback bind 127.0.0.6 so iptables does not capture the forwarded connection again.
/// </summary>
internal static class InboundClusterBuilder
{
    /// <summary>istiod sets cleanup_interval to the largest duration Envoy accepts, which disables host cleanup.</summary>
    private const long MaxCleanupSeconds = (long.MaxValue - 999_999_999) / 1_000_000_000;

    public static IEnumerable<Cluster> Build(GenerationContext context, IReadOnlyList<ServiceTarget> targets) =>
        context.Scope.Sidecar is { Ingress.IsEmpty: false } sidecar
            ? FromIngress(context, sidecar, targets)
            : FromServiceTargets(context, targets);

    /// <summary>Ordered by target port; istiod iterates a map here, so its order is not stable.</summary>
    private static IEnumerable<Cluster> FromServiceTargets(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        foreach (var group in targets.GroupBy(t => t.TargetPort).OrderBy(g => g.Key))
        {
            // The first target is the "primary": on conflicting services for one port, the first one wins. Telemetry lists
            // every service exposing the same service port on this workload port.
            var primary = group.First();
            var services = group.Where(t => t.Port.Port == primary.Port.Port).Select(t => t.Service).DistinctBy(s => s.Hostname);
            var endpoint = context.Push.Mesh.InboundTrafficPolicy == InboundTrafficPolicyMode.Localhost
                ? InboundEndpoint.Loopback(context.Proxy, group.Key)
                : null;
            yield return BuildOne(context, new InboundClusterSource(group.Key, primary.Service, primary.Port, [.. services]), endpoint);
        }
    }

    /// <summary>
    /// <c>buildInboundClustersFromSidecar</c>, in entry order. The entry's service is the one whose workload port is the
    /// entry's port (<c>findOrCreateService</c>); without one istiod invents a mesh-external placeholder, which gets no
    /// telemetry metadata and matches no DestinationRule, so none is looked up here.
    /// </summary>
    private static IEnumerable<Cluster> FromIngress(GenerationContext context, Sidecar sidecar, IReadOnlyList<ServiceTarget> targets)
    {
        foreach (var ingress in sidecar.Ingress)
        {
            if (!InboundEndpoint.TryResolve(context.Proxy, ingress.DefaultEndpoint, out var endpoint))
            {
                continue;
            }

            var port = new ServicePort(ingress.Port.Name, ingress.Port.Number, ingress.Port.Protocol);
            var service = targets.FirstOrDefault(t => t.TargetPort == ingress.Port.Number)?.Service;
            var source = new InboundClusterSource(ingress.Port.Number, service, port, service is null ? [] : [service]);
            yield return BuildOne(context, source, endpoint);
        }
    }

    private static Cluster BuildOne(GenerationContext context, InboundClusterSource source, InboundEndpoint? endpoint)
    {
        var name = ClusterName.Inbound(source.ClusterPort);
        var cluster = new Cluster
        {
            Name = name,
            Type = endpoint is null ? Cluster.Types.DiscoveryType.OriginalDst : Cluster.Types.DiscoveryType.Static,
            CommonLbConfig = new Cluster.Types.CommonLbConfig(),
            AltStatName = EnvoyNames.Delimited(name),
        };
        if (endpoint is null)
        {
            cluster.CleanupInterval = new Duration { Seconds = MaxCleanupSeconds };
        }
        else
        {
            cluster.LoadAssignment = LoadAssignment(name, endpoint);
        }

        var draft = new ClusterDraft(cluster);
        ClusterFactory.SetUpstreamProtocol(draft, source.Port.Protocol);
        if (source.Service is { Location: not MeshLocation.External })
        {
            ClusterFactory.AddServices(draft.Cluster, source.TelemetryServices);
        }

        ClusterTrafficPolicy.Apply(draft, Policy(context, source, draft.Cluster), context.Push.Mesh, outbound: false);
        if (endpoint is not { IsLoopback: true })
        {
            draft.Cluster.UpstreamBindConfig = new BindConfig
            {
                SourceAddress = new SocketAddress { Address = EnvoyNames.InboundPassthroughBindIpv4, PortValue = 0 },
            };
        }

        return draft.Build();
    }

    /// <summary>
    /// Only the connection pool of a rule applies inbound: server-side limits should match what clients were given. A
    /// Sidecar pool for the port (ingress entry, else <c>inboundConnectionPool</c>) replaces the rule's pool as a whole.
    /// </summary>
    private static TrafficPolicy? Policy(GenerationContext context, InboundClusterSource source, Cluster cluster)
    {
        TrafficPolicy? policy = null;
        if (source.Service is not null)
        {
            var rule = context.Push.DestinationRules.Find(context.Proxy.Namespace, source.Service);
            policy = TrafficPolicies.ForPort(rule?.Config.TrafficPolicy, source.Port.Port);
            if (rule?.Config.TrafficPolicy is not null && cluster.Metadata is not null)
            {
                IstioMetadata.Set(IstioMetadata.IstioStruct(cluster.Metadata), "config", Value.ForString(rule.Config.ConfigPath));
            }
        }

        if (context.Scope.Sidecar?.InboundConnectionPoolFor(source.ClusterPort) is { } pool)
        {
            policy = (policy ?? new TrafficPolicy()) with { ConnectionPool = pool };
        }

        return policy;
    }

    private static ClusterLoadAssignment LoadAssignment(string name, InboundEndpoint endpoint)
    {
        var locality = new LocalityLbEndpoints();
        locality.LbEndpoints.Add(new LbEndpoint { Endpoint = new Envoy.Config.Endpoint.V3.Endpoint { Address = endpoint.ToEnvoyAddress() } });
        var assignment = new ClusterLoadAssignment { ClusterName = name };
        assignment.Endpoints.Add(locality);
        return assignment;
    }
}
