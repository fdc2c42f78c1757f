namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;
using StringMatch = ControlPlane.Model.Config.VirtualServices.StringMatch;

/// <summary>Istio StringMatch to Envoy matchers (<c>util.ConvertToEnvoyMatch</c>, <c>translateHeaderMatch</c>).</summary>
internal static class StringMatchers
{
    public static StringMatcher ToEnvoy(StringMatch match) => match.MatchKind switch
    {
        StringMatchKind.Exact => new StringMatcher { Exact = match.Value },
        StringMatchKind.Prefix => new StringMatcher { Prefix = match.Value },
        _ => new StringMatcher { SafeRegex = new RegexMatcher { Regex = match.Value } },
    };

    /// <summary>
    /// A regex of <c>*</c> is not RE2; istiod reads it as "header present" (istio/istio#20629) and emits present_match.
    /// </summary>
    public static bool IsPresentMatch(StringMatch match) => match.MatchKind == StringMatchKind.Regex && match.Value == "*";

    public static HeaderMatcher Header(string name, StringMatch match)
    {
        var result = new HeaderMatcher { Name = name };
        if (IsPresentMatch(match))
        {
            result.PresentMatch = true;
        }
        else
        {
            result.StringMatch = ToEnvoy(match);
        }

        return result;
    }

    public static QueryParameterMatcher QueryParameter(string name, StringMatch match)
    {
        var result = new QueryParameterMatcher { Name = name };
        if (IsPresentMatch(match))
        {
            result.PresentMatch = true;
        }
        else
        {
            result.StringMatch = ToEnvoy(match);
        }

        return result;
    }
}
