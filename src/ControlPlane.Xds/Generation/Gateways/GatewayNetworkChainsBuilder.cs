namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Listeners;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>createGatewayTCPFilterChainOpts</c> for servers that are not terminated HTTP: opaque TCP servers forward with the
/// first matching <c>tcp</c> route of a bound VirtualService; PASSTHROUGH servers get one SNI chain per matching
/// <c>tls</c> route match; AUTO_PASSTHROUGH servers get one chain per SNI-DNAT cluster of the services their hosts cover.
/// </summary>
internal static class GatewayNetworkChainsBuilder
{
    /// <summary><c>allIstioMtlsALPNs</c>: AUTO_PASSTHROUGH only forwards connections that negotiate Istio mTLS.</summary>
    private static readonly ImmutableArray<string> IstioMtlsAlpns = ["istio", "istio-peer-exchange", "istio-http/1.0", "istio-http/1.1", "istio-h2"];

    /// <param name="tlsHostsByPort">SNI hosts already matched on each listener port, shared by the servers of one proxy.</param>
    public static List<GatewayFilterChain> Build(GenerationContext context, GatewayServerEntry server, Dictionary<int, Dictionary<string, string>> tlsHostsByPort) =>
        server.TlsMode switch
        {
            null => Tcp(context, server),
            GatewayTlsMode.AutoPassthrough => AutoPassthrough(context, server),
            _ => Passthrough(context, server, tlsHostsByPort),
        };

    private static List<GatewayFilterChain> Tcp(GenerationContext context, GatewayServerEntry server) =>
        TcpRouteFilter(context, server) is { } filter ? [new GatewayFilterChain([], [], [filter])] : [];

    /// <summary>
    /// <c>buildGatewayNetworkFiltersFromTCPRoutes</c>: the first VirtualService tcp rule whose match holds wins. Also what
    /// a TLS server terminating TLS forwards with (its VirtualService <c>tls</c> routes are not used). Null: no route.
    /// </summary>
    public static Filter? TcpRouteFilter(GenerationContext context, GatewayServerEntry server)
    {
        foreach (var vs in BoundVirtualServices(context, server))
        {
            foreach (var tcp in vs.Config.Tcp)
            {
                if (tcp.Route.IsDefaultOrEmpty || !(tcp.Match.IsDefaultOrEmpty || tcp.Match.Any(m => L4Matches(m, server, vs))))
                {
                    continue;
                }

                return NetworkRouteFilters.Build(context, vs, tcp.Route, server.Server.Port);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>buildGatewayNetworkFiltersFromTLSRoutes</c>: a chain per tls match, by its SNI hosts; an SNI host already used
    /// on the port (same bind) skips the match, since Envoy rejects identical chain matches.
    /// </summary>
    private static List<GatewayFilterChain> Passthrough(
        GenerationContext context, GatewayServerEntry server, Dictionary<int, Dictionary<string, string>> tlsHostsByPort)
    {
        var chains = new List<GatewayFilterChain>();
        var known = tlsHostsByPort.TryGetValue(server.ListenPort, out var k) ? k : tlsHostsByPort[server.ListenPort] = new(StringComparer.Ordinal);
        foreach (var vs in BoundVirtualServices(context, server))
        {
            foreach (var tls in vs.Config.Tls.Where(t => !t.Route.IsDefaultOrEmpty))
            {
                foreach (var match in tls.Match.Where(m => L4Matches(m, server, vs)))
                {
                    if (GatewayHosts.CheckDuplicates(match.SniHosts, server.Server.Bind, known).Count > 0)
                    {
                        continue;
                    }

                    chains.Add(new GatewayFilterChain(match.SniHosts, [], [NetworkRouteFilters.Build(context, vs, tls.Route, server.Server.Port)]));
                }
            }
        }

        return chains;
    }

    /// <summary>
    /// <c>builtAutoPassthroughFilterChains</c>: for every in-mesh service port the server hosts cover, the default and each
    /// subset SNI-DNAT name becomes both the SNI to match and the tcp_proxy cluster. No VirtualService is consulted; the
    /// rule's timeouts and source-IP hash apply as on sidecars, its tunnel does not (istiod's <c>tunnelingconfig.Skip</c>).
    /// </summary>
    private static List<GatewayFilterChain> AutoPassthrough(GenerationContext context, GatewayServerEntry server)
    {
        var chains = new List<GatewayFilterChain>();
        foreach (var service in ScopedServices.DistinctByHost(context.Scope.Services, context.Proxy.Namespace))
        {
            if (service.Location == MeshLocation.External || !server.SniHosts.Any(h => HostName.Matches(h, service.Hostname)))
            {
                continue;
            }

            var subsets = context.Scope.DestinationRuleFor(service)?.Config.Subsets.Select(s => s.Name) ?? [];
            foreach (var port in service.Ports.Where(p => p.Protocol != Protocol.Udp))
            {
                foreach (var subset in subsets.Prepend(""))
                {
                    var cluster = SniDnatNames.For(port.Port, subset, service.Hostname);
                    var settings = TcpProxyDestinationSettings.For(context, service, subset, tunnel: false);
                    chains.Add(new GatewayFilterChain([cluster], IstioMtlsAlpns, [TcpProxyFilters.ToCluster(cluster, settings: settings)]));
                }
            }
        }

        return chains;
    }

    private static IEnumerable<VirtualServiceEntry> BoundVirtualServices(GenerationContext context, GatewayServerEntry server) =>
        GatewayVirtualServices.For(context.Push, context.Proxy.Namespace, server.GatewayName)
            .Where(vs => GatewayHosts.AnyMatch(server.Hosts, vs.Hosts, vs.Config.Meta.Namespace));

    /// <summary><c>l4SingleMatch</c>: on gateways only the port and gateway conditions are evaluated.</summary>
    private static bool L4Matches(L4MatchAttributes match, GatewayServerEntry server, VirtualServiceEntry vs) =>
        (match.Port == 0 || match.Port == server.Server.Port)
        && (match.Gateways.IsDefaultOrEmpty || match.Gateways.Any(g => GatewayNames.Names(g, vs.Config.Meta.Namespace, server.GatewayName)));
}
