namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>buildGatewayHTTPRouteConfig</c>: for every server behind the route name and every VirtualService bound to its
/// Gateway, a virtual host per host the server and the VirtualService share, named <c>host:serverPort</c> with just that
/// domain. A host reached by several VirtualServices gets their routes appended in binding order (catch-alls moved last);
/// hosts no VirtualService routes get nothing, so Envoy answers 404, except <c>httpsRedirect</c> hosts, which get a virtual
/// host that only requires TLS. Virtual hosts with identical routes are collapsed into one with several domains.
/// </summary>
internal static class GatewayRouteConfigBuilder
{
    /// <summary>1 MiB, as for sidecars.</summary>
    private const uint MaxDirectResponseBodyBytes = 1024 * 1024;

    public static RouteConfiguration Build(GenerationContext context, MergedGateway merged, string routeName)
    {
        if (!merged.ServersByRouteName.TryGetValue(routeName, out var servers) || servers.IsEmpty)
        {
            return OutboundRouteConfigBuilder.Empty(routeName);
        }

        var hosts = new GatewayVirtualHostSet();
        var routesByGatewayAndVs = new Dictionary<(string Gateway, VirtualServiceEntry Vs), List<Route>?>();
        foreach (var server in servers)
        {
            var redirect = server.Server.Tls?.HttpsRedirect == true;
            foreach (var vs in GatewayVirtualServices.For(context.Push, context.Proxy.Namespace, server.GatewayName))
            {
                var shared = GatewayHosts.Intersection(GatewayHosts.ForNamespace(server.Hosts, vs.Config.Meta.Namespace), vs.Hosts);
                if (shared.Count == 0)
                {
                    continue;
                }

                // Routes are built once per Gateway and VirtualService and shared by every host they serve (istiod's
                // gatewayRoutes), which is what lets identical virtual hosts collapse.
                var key = (server.GatewayName, vs);
                if (!routesByGatewayAndVs.TryGetValue(key, out var routes))
                {
                    routes = Translate(context, server, vs);
                    routesByGatewayAndVs[key] = routes;
                }

                if (routes is null)
                {
                    continue;
                }

                foreach (var host in shared)
                {
                    hosts.Add(host.ToLowerInvariant(), server.Server.Port, routes, redirect);
                }
            }

            if (redirect)
            {
                foreach (var host in server.Hosts)
                {
                    hosts.RequireTls(host.ToLowerInvariant(), server.Server.Port);
                }
            }
        }

        var config = new RouteConfiguration
        {
            Name = routeName,
            ValidateClusters = false,
            IgnorePortInHostMatching = true,
            MaxDirectResponseBodySizeBytes = MaxDirectResponseBodyBytes,
        };
        config.VirtualHosts.AddRange(hosts.IsEmpty ? [Blackhole(servers[0].Server.Port)] : hosts.Build());
        return config;
    }

    /// <summary>
    /// <c>BuildHTTPRoutesForVirtualService</c> with the gateway's name for <c>match.gateways</c> and the server port for
    /// <c>match.port</c>. Null when no route survives (istiod then skips the VirtualService for this host).
    /// </summary>
    private static List<Route>? Translate(GenerationContext context, GatewayServerEntry server, VirtualServiceEntry vs)
    {
        var routeContext = new RouteDestinationContext(context, vs, server.Server.Port, ServicesByHost(context, vs))
        {
            MatchesGateway = g => GatewayNames.Names(g, vs.Config.Meta.Namespace, server.GatewayName),
        };
        var routes = HttpRouteTranslator.Translate(routeContext);
        return routes.Count > 0 ? routes : null;
    }

    /// <summary>
    /// <c>buildNameToServiceMapForHTTPRoutes</c>: each destination and mirror host resolved to the service in the
    /// VirtualService's namespace when the proxy may see it, else any service the proxy sees; whole services, all ports.
    /// </summary>
    private static Dictionary<string, Service> ServicesByHost(GenerationContext context, VirtualServiceEntry vs)
    {
        var result = new Dictionary<string, Service>(StringComparer.Ordinal);
        var hosts = vs.Config.Http.SelectMany(h => h.Route.Select(r => r.Destination.Host)
            .Concat(h.Mirrors.Select(m => m.Destination.Host)));
        foreach (var host in hosts.Select(h => HostName.Resolve(h, vs.Config.Meta.Namespace, context.Push.Mesh.DomainSuffix)).Distinct(StringComparer.Ordinal))
        {
            var inNamespace = context.Push.Services.WithHost(host)
                .FirstOrDefault(s => s.Namespace == vs.Config.Meta.Namespace && s.ExportTo.IsVisibleFrom(s.Namespace, context.Proxy.Namespace));
            if ((inNamespace ?? context.Push.Services.FindVisible(host, context.Proxy.Namespace)) is { } service)
            {
                result[host] = service;
            }
        }

        return result;
    }

    /// <summary>istiod's 404 virtual host when no VirtualService serves the route: any domain, no routes.</summary>
    private static VirtualHost Blackhole(int port)
    {
        var host = new VirtualHost { Name = VirtualHostBuilder.Name("blackhole", port) };
        host.Domains.Add("*");
        return host;
    }
}
