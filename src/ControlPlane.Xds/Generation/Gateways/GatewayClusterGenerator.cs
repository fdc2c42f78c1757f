namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

/// <summary>
/// CDS for gateway proxies (<c>BuildClusters</c>, gateway branch): the outbound clusters of every service visible from the
/// gateway's namespace, built as for sidecars with istiod's two router differences (resolution NONE is served by EDS,
/// since a gateway has no original destination to pass through to; unnamed ports do not follow the downstream protocol,
/// there being no sniffing on a gateway), then <c>BlackHoleCluster</c> (no passthrough or inbound clusters), then the
/// SNI-DNAT clusters when a Gateway server is AUTO_PASSTHROUGH.
/// </summary>
internal sealed class GatewayClusterGenerator : IResourceGenerator
{
    public string TypeUrl => TypeUrls.Cluster;

    public bool IsAffectedBy(PushRequest request) => GatewayPushFilters.Config.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var services = ScopedServices.DistinctByHost(context.Scope.Services, context.Proxy.Namespace);
        var outbound = services
            .Select(s => (Service: s, Clusters: context.Caches.GatewayClusters.GetOrBuild(
                new GatewayClusterInputs(OutboundClusterInputs.From(context, s)), BuildPacked)))
            .ToList();
        var resources = outbound.SelectMany(o => o.Clusters).ToList();
        resources.Add(Packed(PassthroughClusters.BlackHole(context.Push.Mesh)));
        if (MergedGatewayBuilder.Build(context).ContainsAutoPassthrough)
        {
            resources.AddRange(outbound
                .Where(o => o.Service.Location != MeshLocation.External)
                .SelectMany(o => o.Clusters)
                .Select(r => SniDnatClusters.From(r.Resource.Unpack<Cluster>()))
                .OfType<Cluster>()
                .Select(Packed));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return new GeneratedResources([.. resources.Where(r => seen.Add(r.Name) && context.Watched.Wants(r.Name))]);
    }

    /// <summary>One service's gateway clusters, built from exactly <paramref name="inputs"/>: the unit the cache stores.</summary>
    private static ImmutableArray<NamedResource> BuildPacked(GatewayClusterInputs inputs)
    {
        // convertResolution for routers: passthrough falls back to EDS.
        var service = inputs.Outbound.Service;
        var asBuilt = service.Resolution == Resolution.Passthrough ? service with { Resolution = Resolution.ClientSideLb } : service;
        return [.. OutboundClusterBuilder.Build(inputs.Outbound with { ServiceRef = new(asBuilt) })
            .Select(c => Packed(WithoutDownstreamProtocol(c, service)))];
    }

    private static NamedResource Packed(Cluster cluster) => new(cluster.Name, EnvoyProto.Pack(cluster));

    /// <summary>
    /// <c>setUpstreamProtocol</c> gives sniffed (unnamed) ports <c>use_downstream_protocol</c> on sidecars only: a gateway
    /// client may negotiate h2 over ALPN with an upstream that only speaks HTTP/1.1. Other options stay, on explicit HTTP/1.1.
    /// </summary>
    private static Cluster WithoutDownstreamProtocol(Cluster cluster, Service service)
    {
        if (!ClusterName.TryParse(cluster.Name, out var parsed)
            || service.FindPort(parsed.Port)?.Protocol != Protocol.Unsupported
            || !cluster.TypedExtensionProtocolOptions.TryGetValue(FilterNames.HttpProtocolOptions, out var packed))
        {
            return cluster;
        }

        var options = packed.Unpack<UpstreamHttpProtocolOptions>();
        if (options.UpstreamProtocolOptionsCase != UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.UseDownstreamProtocolConfig)
        {
            return cluster;
        }

        options.ClearUpstreamProtocolOptions();
        if (options.Equals(new UpstreamHttpProtocolOptions()))
        {
            cluster.TypedExtensionProtocolOptions.Remove(FilterNames.HttpProtocolOptions);
            return cluster;
        }

        options.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig
        {
            HttpProtocolOptions = new Envoy.Config.Core.V3.Http1ProtocolOptions(),
        };
        cluster.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions] = EnvoyProto.Pack(options);
        return cluster;
    }
}
