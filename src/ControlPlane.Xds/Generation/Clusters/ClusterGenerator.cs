namespace ControlPlane.Xds.Generation.Clusters;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Cluster.V3;

/// <summary>
/// CDS for Envoy sidecars (<c>BuildClusters</c>, sidecar branch): outbound clusters of every service in scope, then
/// <c>BlackHoleCluster</c> and <c>PassthroughCluster</c>, the inbound clusters of the proxy's own workload ports, and
/// <c>InboundPassthroughCluster</c>. Duplicate names keep the first (<c>normalizeClusters</c>).
/// Outbound clusters come from the server's CDS cache (<see cref="OutboundClusterInputs"/>), shared across proxies.
/// Auto-mTLS <c>transport_socket_matches</c> are not emitted: they need SDS, which is not served yet.
/// </summary>
internal sealed class ClusterGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Cluster;

    public bool IsAffectedBy(PushRequest request) => PushFilter.FullOnly.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var mesh = context.Push.Mesh;
        var resources = new List<NamedResource>();
        foreach (var service in ScopedServices.DistinctByHost(context.Scope.Services, context.Proxy.Namespace))
        {
            resources.AddRange(context.Caches.OutboundClusters.GetOrBuild(OutboundClusterInputs.From(context, service), OutboundClusterBuilder.BuildPacked));
        }

        var clusters = new List<Cluster>();
        clusters.Add(PassthroughClusters.BlackHole(mesh));
        clusters.Add(PassthroughClusters.Passthrough(mesh));
        if (!Interception.IsNone(context.Proxy) || context.Scope.Sidecar is { Ingress.IsEmpty: false })
        {
            clusters.AddRange(InboundClusterBuilder.Build(context, ServiceTargets.For(context)));
        }

        clusters.Add(PassthroughClusters.InboundPassthrough(mesh));

        resources.AddRange(clusters.Select(c => new NamedResource(c.Name, EnvoyProto.Pack(c))));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new GeneratedResources([.. resources.Where(r => seen.Add(r.Name) && context.Watched.Wants(r.Name))]);
    }
}
