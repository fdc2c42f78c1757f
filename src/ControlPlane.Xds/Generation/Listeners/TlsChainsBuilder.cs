namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using ControlPlane.Model.Indexes;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>buildSidecarOutboundTLSFilterChainOpts</c>: one chain per distinct (SNI, subnets) of matching VirtualService
/// <c>tls</c> routes; otherwise one chain to the service, matched by SNI when the listener cannot tell services apart by
/// address (wildcard bind or CIDR).
/// </summary>
internal static class TlsChainsBuilder
{
    public static List<OutboundChain> Build(GenerationContext context, OutboundListenerRequest request, IReadOnlyList<VirtualServiceEntry> virtualServices)
    {
        var cidrs = TcpChainsBuilder.CidrsOf(request);
        var chains = FromVirtualServices(context, request, virtualServices, cidrs);
        return chains.Count > 0 ? chains : [Default(context, request, cidrs)];
    }

    /// <summary>Static predicates are evaluated here; matches with the same SNI and subnets keep only the first.</summary>
    private static List<OutboundChain> FromVirtualServices(
        GenerationContext context, OutboundListenerRequest request, IReadOnlyList<VirtualServiceEntry> virtualServices, ImmutableArray<string> cidrs)
    {
        var chains = new List<OutboundChain>();
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var vs in virtualServices)
        {
            foreach (var tls in vs.Config.Tls)
            {
                foreach (var match in tls.Match.Where(m => L4Matches.Matches(context, m, request.Port.Port)))
                {
                    var key = string.Join(',', match.SniHosts) + "|" + string.Join(',', match.DestinationSubnets);
                    if (handled.Add(key))
                    {
                        chains.Add(new OutboundChain
                        {
                            Metadata = IstioMetadata.ConfigInfo(vs.Config.ConfigPath),
                            ServerNames = match.SniHosts,
                            DestinationCidrs = match.DestinationSubnets.IsDefaultOrEmpty ? cidrs : match.DestinationSubnets,
                            NetworkFilters = [NetworkRouteFilters.Build(context, vs, tls.Route, request.Port.Port)],
                        });
                    }
                }
            }
        }

        return chains;
    }

    /// <summary>
    /// Without a TLS route: the service's cluster, matched by SNI only when the listener address cannot identify the
    /// service (a CIDR, or no VIP on a wildcard bind).
    /// </summary>
    private static OutboundChain Default(GenerationContext context, OutboundListenerRequest request, ImmutableArray<string> cidrs)
    {
        var address = request.Service.Addresses.IsDefaultOrEmpty ? EnvoyNames.WildcardIpv4 : request.Service.Addresses[0];
        if (address.Contains('/', StringComparison.Ordinal))
        {
            address = "";
        }

        var bySni = !cidrs.IsEmpty || address.Length == 0
            || (address == EnvoyNames.WildcardIpv4 && request.Bind == EnvoyNames.WildcardIpv4);
        return new OutboundChain
        {
            ServerNames = bySni ? [request.Service.Hostname] : [],
            DestinationCidrs = cidrs,
            NetworkFilters = [TcpProxyFilters.ToCluster(
                OutboundChainsBuilder.DefaultCluster(request), settings: TcpProxyDestinationSettings.For(context, request.Service, subset: ""))],
        };
    }
}
