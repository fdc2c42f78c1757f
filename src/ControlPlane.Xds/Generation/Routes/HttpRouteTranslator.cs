namespace ControlPlane.Xds.Generation.Routes;

using System.Globalization;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Indexes;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>BuildHTTPRoutesForVirtualService</c> / <c>translateRoute</c>: each http rule becomes one route per match (one route
/// without matches); matches are pruned statically for this proxy (port, source labels, source namespace, gateways), and
/// generation stops after a catch-all route since later ones can never match.
/// </summary>
internal static class HttpRouteTranslator
{
    public static List<Route> Translate(RouteDestinationContext context)
    {
        var routes = new List<Route>();
        foreach (var http in context.VirtualService.Config.Http)
        {
            var catchAll = false;
            if (http.Match.IsDefaultOrEmpty)
            {
                if (TranslateOne(context, http, null) is { } route)
                {
                    routes.Add(route);
                }

                catchAll = true;
            }
            else
            {
                foreach (var match in http.Match)
                {
                    if (TranslateOne(context, http, match) is { } route)
                    {
                        routes.Add(route);
                        if (RouteMatchBuilder.IsCatchAll(route.Match))
                        {
                            catchAll = true;
                            break;
                        }
                    }
                }
            }

            if (catchAll)
            {
                break;
            }
        }

        return routes;
    }

    private static Route? TranslateOne(RouteDestinationContext context, HttpRoute http, HttpMatchRequest? match)
    {
        if (match is not null && ((match.Port != 0 && match.Port != context.ListenerPort) || !SourceMatches(context, match)))
        {
            return null;
        }

        var route = new Route
        {
            Name = match is { Name.Length: > 0 } ? $"{http.Name}.{match.Name}" : http.Name,
            Match = RouteMatchBuilder.Build(match),
            Metadata = IstioMetadata.ConfigInfo(context.VirtualService.Config.ConfigPath),
        };
        if (match is { StatPrefix.Length: > 0 })
        {
            route.StatPrefix = match.StatPrefix;
        }

        var authority = "";
        if (http.Headers is { } headers)
        {
            var translated = HeaderOperationsBuilder.Translate(headers);
            route.RequestHeadersToAdd.AddRange(translated.RequestToAdd);
            route.ResponseHeadersToAdd.AddRange(translated.ResponseToAdd);
            route.RequestHeadersToRemove.AddRange(translated.RequestToRemove);
            route.ResponseHeadersToRemove.AddRange(translated.ResponseToRemove);
            authority = translated.Authority;
        }

        if (http.Redirect is { } redirect)
        {
            ApplyRedirect(route, redirect, context.ListenerPort);
        }
        else if (http.DirectResponse is { } direct)
        {
            ApplyDirectResponse(route, direct);
        }
        else
        {
            route.Route_ = RouteActionBuilder.Build(context, http, route, authority);
        }

        route.Decorator = new Decorator { Operation = Operation(route, context.VirtualService.Config.Meta.Name, context.ListenerPort) };
        AddPerFilterConfig(route, http);
        // An unsupported redirect code leaves no action; istiod would still send the route, which Envoy rejects.
        return route.ActionCase == Route.ActionOneofCase.None ? null : route;
    }

    /// <summary>Fault then CORS, as istiod adds them; the HCM always has both filters, so the configs take effect.</summary>
    private static void AddPerFilterConfig(Route route, HttpRoute http)
    {
        if (http.Fault is { } fault)
        {
            route.TypedPerFilterConfig[FilterNames.Fault] = EnvoyProto.Pack(FaultPolicyBuilder.Build(fault));
        }

        if (http.CorsPolicy is { } cors)
        {
            route.TypedPerFilterConfig[FilterNames.Cors] = EnvoyProto.Pack(CorsPolicyBuilder.Build(cors));
        }
    }

    /// <summary><c>sourceMatchHTTP</c>: gateway-bound matches apply only if they list <c>mesh</c> (or, for a gateway, its name); otherwise labels and namespace.</summary>
    private static bool SourceMatches(RouteDestinationContext context, HttpMatchRequest match)
    {
        if (!match.Gateways.IsDefaultOrEmpty)
        {
            return context.MatchesGateway is { } matchesGateway
                ? match.Gateways.Any(matchesGateway)
                : match.Gateways.Contains(VirtualServiceEntry.MeshGateway);
        }

        var proxy = context.Generation.Proxy;
        foreach (var (key, value) in match.SourceLabels)
        {
            if (!proxy.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return match.SourceNamespace.Length == 0 || match.SourceNamespace == proxy.Namespace;
    }

    /// <summary>
    /// <c>ApplyRedirect</c>: <c>derivePort: FROM_REQUEST_PORT</c> is the listener port (routes are built per port, and Envoy
    /// cannot derive it itself); <c>FROM_PROTOCOL_DEFAULT</c> sets none. Explicit :80/:443 are dropped for http/https
    /// (sidecars never terminate TLS, so the default scheme is http); unsupported codes drop the route.
    /// </summary>
    private static void ApplyRedirect(Route route, HttpRedirect redirect, int listenerPort)
    {
        var action = new RedirectAction { HostRedirect = redirect.Authority, PathRedirect = redirect.Uri };
        if (redirect.Scheme.Length > 0)
        {
            action.SchemeRedirect = redirect.Scheme;
        }

        var port = redirect.DerivePort switch
        {
            RedirectPortSelection.FromRequestPort => listenerPort,
            RedirectPortSelection.FromProtocolDefault => 0,
            _ => redirect.Port,
        };
        if (port != 0)
        {
            var scheme = redirect.Scheme.Length > 0 ? redirect.Scheme : "http";
            var implicitPort = (port == 80 && scheme == "http") || (port == 443 && scheme == "https");
            action.PortRedirect = implicitPort ? 0u : (uint)port;
        }

        RedirectAction.Types.RedirectResponseCode? code = redirect.RedirectCode switch
        {
            0 or 301 => RedirectAction.Types.RedirectResponseCode.MovedPermanently,
            302 => RedirectAction.Types.RedirectResponseCode.Found,
            303 => RedirectAction.Types.RedirectResponseCode.SeeOther,
            307 => RedirectAction.Types.RedirectResponseCode.TemporaryRedirect,
            308 => RedirectAction.Types.RedirectResponseCode.PermanentRedirect,
            _ => null,
        };
        if (code is { } responseCode)
        {
            action.ResponseCode = responseCode;
            route.Redirect = action;
        }
    }

    /// <summary><c>ApplyDirectResponse</c>: the status, and the body inline (<c>inline_bytes</c> for <c>body.bytes</c>) when one is given.</summary>
    private static void ApplyDirectResponse(Route route, HttpDirectResponse direct)
    {
        var action = new DirectResponseAction { Status = (uint)direct.Status };
        if (!direct.BodyBytes.IsDefaultOrEmpty)
        {
            action.Body = new Envoy.Config.Core.V3.DataSource { InlineBytes = Google.Protobuf.ByteString.CopyFrom(direct.BodyBytes.AsSpan()) };
        }
        else if (direct.Body.Length > 0)
        {
            action.Body = new Envoy.Config.Core.V3.DataSource { InlineString = direct.Body };
        }

        route.DirectResponse = action;
    }

    /// <summary><c>GetRouteOperation</c>: <c>host:port/path</c> for one destination, else <c>vsName:port/path</c>.</summary>
    private static string Operation(Route route, string virtualServiceName, int port)
    {
        var path = route.Match.PathSpecifierCase switch
        {
            RouteMatch.PathSpecifierOneofCase.Prefix => route.Match.Prefix + "*",
            RouteMatch.PathSpecifierOneofCase.Path => route.Match.Path,
            RouteMatch.PathSpecifierOneofCase.SafeRegex => route.Match.SafeRegex.Regex,
            _ => "/*",
        };
        var cluster = route.ActionCase == Route.ActionOneofCase.Route_ ? route.Route_.Cluster : "";
        if (ClusterName.IsSubsetKey(cluster) && ClusterName.TryParse(cluster, out var parsed))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{parsed.Hostname}:{parsed.Port}{path}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{virtualServiceName}:{port}{path}");
    }
}
