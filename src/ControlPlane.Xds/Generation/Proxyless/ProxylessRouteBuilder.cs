namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using Envoy.Config.Route.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The routes of a proxyless client's virtual host. With a mesh VirtualService for the host (in the proxy's scope; an
/// exact host beats a wildcard, then istiod's precedence order), its http rules are translated in order, one route per
/// match, stopping after a catch-all as istiod does; without one (or when no rule survives), a single default route to
/// <c>outbound|port||fqdn</c>. Redirect and direct-response rules are skipped: gRPC NACKs <c>redirect</c> and
/// <c>direct_response</c>. A rule's fault goes on its routes; its mirrors and CORS policy are left out, with the reason.
/// </summary>
internal static class ProxylessRouteBuilder
{
    public const string DefaultRouteName = "default";

    public static RouteBuildResult Build(GenerationContext context, ListenerTarget target)
    {
        var routes = ImmutableArray.CreateBuilder<Route>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        if (SelectVirtualService(context, target.Service.Hostname) is { } vs)
        {
            AddVirtualServiceRoutes(context, vs, target, routes, skipped);
        }

        if (routes.Count == 0)
        {
            routes.Add(new Route
            {
                Name = DefaultRouteName,
                Match = ProxylessRouteMatchBuilder.CatchAll(),
                Route_ = ProxylessRouteActionBuilder.Default(context, target),
            });
        }

        return new RouteBuildResult(routes.ToImmutable(), skipped.ToImmutable());
    }

    internal static VirtualServiceEntry? SelectVirtualService(GenerationContext context, string hostname)
    {
        var inScope = context.Scope.EgressListeners.SelectMany(l => l.VirtualServices).Select(v => v.Config.Key).ToHashSet();
        VirtualServiceEntry? wildcard = null;
        foreach (var entry in context.Push.VirtualServices.ForMeshHost(hostname, context.Proxy.Namespace))
        {
            if (!inScope.Contains(entry.Config.Key))
            {
                continue;
            }

            if (entry.Hosts.Any(h => !HostName.IsWildcard(h) && string.Equals(h, hostname, StringComparison.OrdinalIgnoreCase)))
            {
                return entry;
            }

            wildcard ??= entry;
        }

        return wildcard;
    }

    private static void AddVirtualServiceRoutes(
        GenerationContext context, VirtualServiceEntry vs, ListenerTarget target, ImmutableArray<Route>.Builder routes, ImmutableArray<string>.Builder skipped)
    {
        var vsName = $"{vs.Config.Meta.Namespace}/{vs.Config.Meta.Name}";
        for (var index = 0; index < vs.Config.Http.Length; index++)
        {
            var rule = vs.Config.Http[index];
            var label = $"{vsName} http[{index}]{(rule.Name.Length > 0 ? $" ({rule.Name})" : "")}";
            if (rule.Redirect is not null || rule.DirectResponse is not null)
            {
                skipped.Add($"{label}: {(rule.Redirect is not null ? "redirect" : "directResponse")} is not supported by gRPC clients");
                continue;
            }

            var action = ProxylessRouteActionBuilder.Build(context, vs.Config.Meta.Namespace, rule, target.Port.Port, out var reason);
            if (action is null)
            {
                skipped.Add($"{label}: {reason}");
                continue;
            }

            NoteIgnoredParts(rule, label, skipped);

            if (AddRuleRoutes(context, rule, action, target.Port.Port, label, routes, skipped))
            {
                return;
            }
        }
    }

    /// <summary>Adds one route per applicable match; true when one of them matches everything (later rules are dead).</summary>
    private static bool AddRuleRoutes(
        GenerationContext context, HttpRoute rule, RouteAction action, int port, string label,
        ImmutableArray<Route>.Builder routes, ImmutableArray<string>.Builder skipped)
    {
        if (rule.Match.IsEmpty)
        {
            routes.Add(WithFault(new Route { Name = rule.Name, Match = ProxylessRouteMatchBuilder.CatchAll(), Route_ = action }, rule));
            return true;
        }

        foreach (var match in rule.Match)
        {
            if (!Applies(context, match, port))
            {
                continue;
            }

            if (!match.QueryParams.IsEmpty)
            {
                // gRPC requests carry no query string and grpc-js ignores query_parameters, so the route would match too much.
                skipped.Add($"{label}: match with queryParams cannot apply to gRPC");
                continue;
            }

            var name = rule.Name.Length > 0 && match.Name.Length > 0 ? $"{rule.Name}.{match.Name}" : rule.Name;
            routes.Add(WithFault(new Route { Name = name, Match = ProxylessRouteMatchBuilder.Build(match), Route_ = action.Clone() }, rule));
            if (ProxylessRouteMatchBuilder.IsCatchAll(match))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>gRPC implements the fault filter (A33), so a rule's fault travels as per-route config on each of its routes.</summary>
    private static Route WithFault(Route route, HttpRoute rule)
    {
        if (rule.Fault is { } fault)
        {
            route.TypedPerFilterConfig[ProxylessHttpFilters.FaultName] = Any.Pack(ProxylessFaultBuilder.Build(fault));
        }

        return route;
    }

    /// <summary>
    /// Parts of a kept rule gRPC cannot honour. Mirroring is not implemented by gRPC clients (the rule still routes);
    /// a CORS per-route config names a filter gRPC does not know, which it would NACK, so it is left out.
    /// </summary>
    private static void NoteIgnoredParts(HttpRoute rule, string label, ImmutableArray<string>.Builder skipped)
    {
        if (!rule.Mirrors.IsDefaultOrEmpty)
        {
            skipped.Add($"{label}: mirror is not implemented by gRPC clients; the route is kept without it");
        }

        if (rule.CorsPolicy is not null)
        {
            skipped.Add($"{label}: corsPolicy does not apply to gRPC clients; the route is kept without it");
        }
    }

    // istiod prunes matches statically per proxy: port, sourceLabels, sourceNamespace and gateways.
    private static bool Applies(GenerationContext context, HttpMatchRequest match, int port)
    {
        var proxy = context.Proxy;
        return (match.Port == 0 || match.Port == port)
            && (match.SourceNamespace.Length == 0 || match.SourceNamespace == proxy.Namespace)
            && (match.Gateways.IsDefaultOrEmpty || match.Gateways.Contains(VirtualServiceEntry.MeshGateway))
            && match.SourceLabels.All(l => proxy.Labels.TryGetValue(l.Key, out var value) && value == l.Value);
    }
}
