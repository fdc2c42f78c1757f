namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPRoute with istiod's rules: exactly one action (route, redirect or directResponse), weights add up, no fault
/// on a redirect or direct response.
/// </summary>
internal static class HttpRouteConverter
{
    public static HttpRoute? Convert(FieldReader http)
    {
        var destinations = http.Objects("route");
        var route = destinations.Select(ConvertDestination).OfType<HttpRouteDestination>().ToList();
        DestinationConverter.CheckWeights(http, "route", route.Select(r => r.Weight).ToList());
        var redirect = http.Object("redirect") is { } r ? ConvertRedirect(r) : null;
        var directResponse = http.Object("directResponse") is { } d ? ConvertDirectResponse(d) : null;
        var rewrite = http.Object("rewrite") is { } w ? ConvertRewrite(w) : null;
        CheckAction(http, destinations.Count, http.Has("redirect"), http.Has("directResponse"), http.Has("rewrite"));
        http.Unsupported("delegate");
        var fault = http.Object("fault") is { } f ? HttpFaultConverter.Convert(f) : null;
        if (fault is not null && (redirect is not null || directResponse is not null))
        {
            http.Error("fault", $"HTTP route cannot contain both fault and {(redirect is not null ? "redirect" : "direct_response")}");
        }

        return new HttpRoute
        {
            Name = http.String("name") ?? "",
            Match = http.Array("match", m => HttpMatchConverter.Convert(m)),
            Route = [.. route],
            Redirect = redirect,
            DirectResponse = directResponse,
            Rewrite = rewrite,
            Timeout = http.Duration("timeout"),
            Retries = http.Object("retries") is { } retries ? HttpRetryConverter.Convert(retries) : null,
            Headers = HeadersConverter.Read(http),
            Fault = fault,
            Mirrors = HttpMirrorConverter.Convert(http),
            CorsPolicy = http.Object("corsPolicy") is { } cors ? CorsPolicyConverter.Convert(cors) : null,
        };
    }

    private static void CheckAction(FieldReader http, int destinations, bool redirect, bool directResponse, bool rewrite)
    {
        var actions = (destinations > 0 ? 1 : 0) + (redirect ? 1 : 0) + (directResponse ? 1 : 0);
        if (actions == 0)
        {
            http.Error("", "needs a route (destinations), a redirect or a directResponse");
        }
        else if (actions > 1)
        {
            http.Error("", "may have only one of route, redirect and directResponse");
        }

        if (rewrite && (redirect || directResponse))
        {
            http.Error("rewrite", "cannot be combined with redirect or directResponse");
        }
    }

    private static HttpRouteDestination? ConvertDestination(FieldReader entry)
    {
        var destination = DestinationConverter.Read(entry);
        var weight = DestinationConverter.Weight(entry);
        var headers = HeadersConverter.Read(entry);
        return destination is null ? null : new HttpRouteDestination(destination, weight) { Headers = headers };
    }

    private static HttpRedirect? ConvertRedirect(FieldReader redirect)
    {
        var uri = redirect.String("uri") ?? "";
        var authority = redirect.String("authority") ?? "";
        var scheme = redirect.String("scheme") ?? "";
        if (scheme is not ("" or "http" or "https"))
        {
            redirect.Error("scheme", $"invalid redirect scheme '{scheme}', must be \"http\" or \"https\"");
        }

        var port = redirect.Int("port", 1, 65535) ?? 0;
        var code = redirect.Int("redirectCode", 300, 399) ?? 0;
        redirect.Unsupported("derivePort");
        if (uri.Length == 0 && authority.Length == 0 && scheme.Length == 0 && port == 0 && !redirect.Has("derivePort"))
        {
            redirect.Error("", "needs at least one of uri, authority, scheme or port");
        }

        return new HttpRedirect(uri, authority, code) { Scheme = scheme, Port = port };
    }

    private static HttpRewrite ConvertRewrite(FieldReader rewrite)
    {
        var uri = rewrite.String("uri") ?? "";
        var authority = rewrite.String("authority") ?? "";
        rewrite.Unsupported("uriRegexRewrite");
        if (uri.Length == 0 && authority.Length == 0 && !rewrite.Has("uriRegexRewrite"))
        {
            rewrite.Error("", "needs uri or authority");
        }

        return new HttpRewrite(uri, authority);
    }

    private static HttpDirectResponse? ConvertDirectResponse(FieldReader response)
    {
        var status = response.Int("status", 200, 599, required: true);
        var body = response.Object("body");
        var text = body?.String("string") ?? "";
        body?.Unsupported("bytes");
        return status is null ? null : new HttpDirectResponse(status.Value, text);
    }
}
