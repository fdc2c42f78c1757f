namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;

/// <summary>
/// Istio's VirtualService match translation (<c>route.go translateRouteMatch</c>) restricted to what gRPC evaluates
/// (gRFC A28, A63): uri exact/prefix/regex as <c>path</c>/<c>prefix</c>/<c>safe_regex</c>, <c>case_sensitive</c> from
/// <c>ignoreUriCase</c>, headers as <c>string_match</c> sorted by name, <c>withoutHeaders</c> inverted, and
/// method/authority/scheme as their pseudo-headers.
/// </summary>
internal static class ProxylessRouteMatchBuilder
{
    /// <summary>gRPC method paths always start with '/', so the empty prefix matches every call.</summary>
    public const string CatchAllPrefix = "";

    public static RouteMatch CatchAll() => new() { Prefix = CatchAllPrefix };

    public static RouteMatch Build(HttpMatchRequest match)
    {
        var result = new RouteMatch();
        switch (match.Uri)
        {
            case null:
                result.Prefix = CatchAllPrefix;
                break;
            case { MatchKind: StringMatchKind.Exact } exact:
                result.Path = exact.Value;
                break;
            case { MatchKind: StringMatchKind.Prefix } prefix:
                result.Prefix = prefix.Value;
                break;
            case var regex:
                result.SafeRegex = new RegexMatcher { Regex = regex.Value };
                break;
        }

        if (match.IgnoreUriCase)
        {
            result.CaseSensitive = false;
        }

        AddPseudoHeader(result, ":method", match.Method);
        AddPseudoHeader(result, ":authority", match.Authority);
        AddPseudoHeader(result, ":scheme", match.Scheme);
        foreach (var (name, value) in match.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            result.Headers.Add(Header(name, value, invert: false));
        }

        foreach (var (name, value) in match.WithoutHeaders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            result.Headers.Add(Header(name, value, invert: true));
        }

        return result;
    }

    /// <summary>Istio stops emitting routes after one that matches everything; so do we.</summary>
    public static bool IsCatchAll(HttpMatchRequest match) =>
        (match.Uri is null || (match.Uri.MatchKind == StringMatchKind.Prefix && match.Uri.Value is "" or "/"))
        && match.Headers.IsEmpty && match.WithoutHeaders.IsEmpty && match.QueryParams.IsEmpty
        && match.Method is null && match.Authority is null && match.Scheme is null;

    private static void AddPseudoHeader(RouteMatch result, string name, StringMatch? value)
    {
        if (value is not null)
        {
            result.Headers.Add(Header(name, value, invert: false));
        }
    }

    // Istio turns an empty prefix and the regex "*" into a presence check rather than a value match.
    private static HeaderMatcher Header(string name, StringMatch value, bool invert)
    {
        var header = new HeaderMatcher { Name = name, InvertMatch = invert };
        if ((value.MatchKind == StringMatchKind.Prefix && value.Value.Length == 0)
            || (value.MatchKind == StringMatchKind.Regex && value.Value == "*"))
        {
            header.PresentMatch = true;
            return header;
        }

        header.StringMatch = value.MatchKind switch
        {
            StringMatchKind.Exact => new StringMatcher { Exact = value.Value },
            StringMatchKind.Prefix => new StringMatcher { Prefix = value.Value },
            _ => new StringMatcher { SafeRegex = new RegexMatcher { Regex = value.Value } },
        };
        return header;
    }
}
