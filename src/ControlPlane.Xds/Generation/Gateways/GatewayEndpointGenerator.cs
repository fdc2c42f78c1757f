namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Endpoints;
using Envoy.Config.Endpoint.V3;

/// <summary>
/// EDS for gateway proxies: the sidecar generator's assignments (same names, same scope), except that SNI-DNAT clusters
/// keep only endpoints that accept Istio mTLS. AUTO_PASSTHROUGH cannot see whether the client's TLS is Istio mTLS, so
/// forwarding only to mTLS endpoints is what keeps a plaintext workload from being reached through the gateway
/// (<c>EndpointsWithMTLSFilter</c>).
/// </summary>
internal sealed class GatewayEndpointGenerator : IResourceGenerator
{
    private readonly EndpointGenerator sidecar = new();

    public string TypeUrl => TypeUrls.Endpoint;

    public bool IsAffectedBy(PushRequest request) => GatewayPushFilters.Endpoints.IsAffectedBy(request);

    public GeneratedResources Generate(GenerationContext context)
    {
        var regular = context.Watched.Names.Where(n => !SniDnatNames.IsSniDnat(n)).ToList();
        var resources = sidecar.Generate(context with { Watched = WatchedResources.Of(regular) }).Resources.ToList();
        foreach (var name in context.Watched.Names.Where(SniDnatNames.IsSniDnat))
        {
            resources.Add(new NamedResource(name, EnvoyProto.Pack(MutualTlsOnly(EndpointGenerator.Build(context, name)))));
        }

        return new GeneratedResources([.. resources.OrderBy(r => r.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Drops endpoints without <c>tlsMode: istio</c>; a locality left empty keeps its place with no weight.</summary>
    private static ClusterLoadAssignment MutualTlsOnly(ClusterLoadAssignment assignment)
    {
        foreach (var locality in assignment.Endpoints)
        {
            var kept = locality.LbEndpoints.Where(IsMutualTls).ToList();
            locality.LbEndpoints.Clear();
            locality.LbEndpoints.AddRange(kept);
            locality.LoadBalancingWeight = kept.Count == 0 ? null : (uint)kept.Sum(e => (long)(e.LoadBalancingWeight ?? 1));
        }

        return assignment;
    }

    private static bool IsMutualTls(LbEndpoint endpoint) =>
        endpoint.Metadata?.FilterMetadata.TryGetValue(IstioMetadata.TransportSocketMatchKey, out var match) == true
        && match.Fields.TryGetValue("tlsMode", out var mode)
        && mode.StringValue == "istio";
}
