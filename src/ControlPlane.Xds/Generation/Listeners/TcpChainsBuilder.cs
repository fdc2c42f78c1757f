namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Indexes;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;

/// <summary>
/// <c>buildSidecarOutboundTCPFilterChainOpts</c>: VirtualService <c>tcp</c> routes in order; a match without destination
/// subnets is terminal. Without a terminal route, a last chain sends everything to the service's own cluster.
/// </summary>
internal static class TcpChainsBuilder
{
    public static List<OutboundChain> Build(GenerationContext context, OutboundListenerRequest request, IReadOnlyList<VirtualServiceEntry> virtualServices)
    {
        var cidrs = CidrsOf(request);
        var chains = new List<OutboundChain>();
        foreach (var vs in virtualServices)
        {
            foreach (var tcp in vs.Config.Tcp)
            {
                if (tcp.Match.IsDefaultOrEmpty)
                {
                    chains.Add(Chain(context, request, vs, tcp.Route, cidrs, withMetadata: true));
                    return chains;
                }

                var subnets = new List<string>();
                foreach (var match in tcp.Match.Where(m => L4Matches.Matches(context, m, request.Port.Port)))
                {
                    if (match.DestinationSubnets.IsDefaultOrEmpty)
                    {
                        chains.Add(Chain(context, request, vs, tcp.Route, cidrs, withMetadata: true));
                        return chains;
                    }

                    subnets.AddRange(match.DestinationSubnets);
                }

                if (subnets.Count > 0)
                {
                    chains.Add(Chain(context, request, vs, tcp.Route, [.. subnets], withMetadata: false));
                    if (subnets.Order(StringComparer.Ordinal).SequenceEqual(cidrs.Order(StringComparer.Ordinal)))
                    {
                        // Same CIDRs as the default chain would use: Envoy rejects identical matches, so stop here.
                        return chains;
                    }
                }
            }
        }

        var cluster = OutboundChainsBuilder.DefaultCluster(request);
        var settings = TcpProxyDestinationSettings.For(context, request.Service, subset: "");
        chains.Add(new OutboundChain { DestinationCidrs = cidrs, NetworkFilters = [TcpProxyFilters.ToCluster(cluster, settings: settings)] });
        return chains;
    }

    public static ImmutableArray<string> CidrsOf(OutboundListenerRequest request) => request.Cidr.Length > 0 ? [request.Cidr] : [];

    private static OutboundChain Chain(
        GenerationContext context, OutboundListenerRequest request, VirtualServiceEntry vs, ImmutableArray<RouteDestination> routes,
        ImmutableArray<string> cidrs, bool withMetadata) => new()
        {
            DestinationCidrs = cidrs,
            Metadata = withMetadata ? IstioMetadata.ConfigInfo(vs.Config.ConfigPath) : null,
            NetworkFilters = [NetworkRouteFilters.Build(context, vs, routes, request.Port.Port)],
        };
}
