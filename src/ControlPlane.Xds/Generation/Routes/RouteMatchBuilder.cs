namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>TranslateRouteMatch</c>: uri to path/prefix/safe_regex, headers sorted by name (then <c>:method</c>,
/// <c>:authority</c>, <c>:scheme</c>), query parameters. No match means prefix <c>/</c>.
/// </summary>
internal static class RouteMatchBuilder
{
    public static RouteMatch Build(HttpMatchRequest? match)
    {
        var result = new RouteMatch { Prefix = "/" };
        if (match is null)
        {
            return result;
        }

        var headers = new List<HeaderMatcher>();
        foreach (var (name, value) in match.Headers)
        {
            headers.Add(StringMatchers.Header(name, value));
        }

        foreach (var (name, value) in match.WithoutHeaders)
        {
            var matcher = StringMatchers.Header(name, value);
            matcher.InvertMatch = true;

            // treat_missing_header_as_empty conflicts with present_match.
            matcher.TreatMissingHeaderAsEmpty = !StringMatchers.IsPresentMatch(value);
            headers.Add(matcher);
        }

        result.Headers.AddRange(headers.OrderBy(h => h.Name, StringComparer.Ordinal));
        ApplyUri(result, match.Uri);
        result.CaseSensitive = !match.IgnoreUriCase;
        AddPseudoHeader(result, ":method", match.Method);
        AddPseudoHeader(result, ":authority", match.Authority);
        AddPseudoHeader(result, ":scheme", match.Scheme);

        // istiod ranges over a map here; sorting keeps the output stable.
        foreach (var (name, value) in match.QueryParams.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            result.QueryParameters.Add(StringMatchers.QueryParameter(name, value));
        }

        return result;
    }

    /// <summary><c>IsCatchAllRoute</c>: prefix <c>/</c> or regex <c>.*</c> with no header or query conditions.</summary>
    public static bool IsCatchAll(RouteMatch match)
    {
        var catchAll = match.PathSpecifierCase switch
        {
            RouteMatch.PathSpecifierOneofCase.Prefix => match.Prefix == "/",
            RouteMatch.PathSpecifierOneofCase.PathSeparatedPrefix => match.PathSeparatedPrefix == "/",
            RouteMatch.PathSpecifierOneofCase.SafeRegex => match.SafeRegex.Regex == ".*",
            _ => false,
        };
        return catchAll && match.Headers.Count == 0 && match.QueryParameters.Count == 0 && match.DynamicMetadata.Count == 0;
    }

    private static void ApplyUri(RouteMatch result, StringMatch? uri)
    {
        switch (uri?.MatchKind)
        {
            case StringMatchKind.Exact:
                result.Path = uri.Value;
                break;
            case StringMatchKind.Prefix:
                result.Prefix = uri.Value;
                break;
            case StringMatchKind.Regex:
                result.SafeRegex = new Envoy.Type.Matcher.V3.RegexMatcher { Regex = uri.Value };
                break;
        }
    }

    private static void AddPseudoHeader(RouteMatch result, string name, StringMatch? match)
    {
        if (match is not null)
        {
            result.Headers.Add(StringMatchers.Header(name, match));
        }
    }
}
