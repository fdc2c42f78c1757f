namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio HTTPRoute with istiod's rules: exactly one action (route, redirect or directResponse), weights add up, no fault
/// on a redirect or direct response. A root VirtualService's rule with <c>delegate</c> has no route and no redirect (its
/// other settings are inherited by the delegate's rules); a delegate's rules cannot delegate again.
/// </summary>
internal static class HttpRouteConverter
{
    public static HttpRoute? Convert(FieldReader http, bool inDelegate)
    {
        var name = http.String("name") ?? "";
        var destinations = http.Objects("route");
        var route = destinations.Select(ConvertDestination).OfType<HttpRouteDestination>().ToList();
        DestinationConverter.CheckWeights(http, "route", route.Select(r => r.Weight).ToList());
        var redirect = http.Object("redirect") is { } r ? HttpRedirectConverter.Convert(r) : null;
        var directResponse = http.Object("directResponse") is { } d ? HttpDirectResponseConverter.Convert(d) : null;
        var rewrite = http.Object("rewrite") is { } w ? ConvertRewrite(w) : null;
        var delegation = http.Object("delegate") is { } g ? ConvertDelegate(g) : null;
        var fault = http.Object("fault") is { } f ? HttpFaultConverter.Convert(f) : null;
        if (delegation is not null && inDelegate)
        {
            http.Error("delegate", "delegate HTTP route cannot contain delegate");
        }

        if (delegation is not null && !inDelegate)
        {
            CheckRoot(http, name, destinations.Count, http.Has("redirect"));
        }
        else
        {
            CheckAction(http, destinations.Count, http.Has("redirect"), http.Has("directResponse"), http.Has("rewrite"));
            if (fault is not null && (redirect is not null || directResponse is not null))
            {
                http.Error("fault", $"HTTP route cannot contain both fault and {(redirect is not null ? "redirect" : "direct_response")}");
            }
        }

        return new HttpRoute
        {
            Name = name,
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
            Delegate = delegation,
        };
    }

    /// <summary>istiod's root-route rule: only the delegate supplies the action.</summary>
    private static void CheckRoot(FieldReader http, string name, int destinations, bool redirect)
    {
        if (redirect)
        {
            http.Error("redirect", $"root HTTP route {name} must not specify redirect");
        }

        if (destinations > 0 || http.Has("route"))
        {
            http.Error("route", $"root HTTP route {name} must not specify route");
        }
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

    private static VirtualServiceDelegate ConvertDelegate(FieldReader delegation)
    {
        var name = delegation.String("name") ?? "";
        var ns = delegation.String("namespace") ?? "";
        if (name.Length == 0)
        {
            // istiod accepts it and then finds no delegate, dropping the rule; say so.
            delegation.Warning("name", "names no VirtualService: the rule will have no routes");
        }

        return new VirtualServiceDelegate(name, ns);
    }

    /// <summary>istiod's <c>validateHTTPRewrite</c>: uri or uriRegexRewrite (not both), and/or authority.</summary>
    private static HttpRewrite ConvertRewrite(FieldReader rewrite)
    {
        var uri = rewrite.String("uri") ?? "";
        var authority = rewrite.String("authority") ?? "";
        var regex = rewrite.Object("uriRegexRewrite") is { } r ? ConvertRegexRewrite(r) : null;
        if (uri.Length > 0 && rewrite.Has("uriRegexRewrite"))
        {
            rewrite.Error("uriRegexRewrite", "rewrite may only contain one of URI or UriRegexRewrite");
        }
        else if (uri.Length == 0 && authority.Length == 0 && !rewrite.Has("uriRegexRewrite"))
        {
            rewrite.Error("", "rewrite must specify at least one of URI, UriRegexRewrite, or authority");
        }

        return new HttpRewrite(uri, authority) { UriRegexRewrite = regex };
    }

    private static RegexRewrite? ConvertRegexRewrite(FieldReader regex)
    {
        var match = regex.String("match") ?? "";
        var substitution = regex.String("rewrite") ?? "";
        if (match.Length == 0 || substitution.Length == 0)
        {
            regex.Error("", "UriRegexRewrite requires both Rewrite and Match fields to be specified");
            return null;
        }

        if (Re2Syntax.Check(match) is { } problem)
        {
            regex.Error("match", problem);
            return null;
        }

        return new RegexRewrite(match, substitution);
    }
}
