namespace ControlPlane.Xds.Generation.Routes;

using System.Globalization;
using Envoy.Config.Core.V3;
using Envoy.Type.V3;
using EnvoyCorsPolicy = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;
using IstioCorsPolicy = ControlPlane.Model.Config.VirtualServices.CorsPolicy;

/// <summary>
/// <c>TranslateCORSPolicy</c>: the per-route <c>envoy.filters.http.cors</c> config. Always enabled (100%), lists joined
/// with <c>,</c>, the max age in whole seconds, credentials only when set, and unmatched preflights forwarded unless the
/// policy says <c>IGNORE</c> (Envoy's behaviour before 1.30, which istiod keeps).
/// </summary>
internal static class CorsPolicyBuilder
{
    public static EnvoyCorsPolicy Build(IstioCorsPolicy cors)
    {
        var result = new EnvoyCorsPolicy
        {
            ForwardNotMatchingPreflights = !cors.IgnoreUnmatchedPreflights,
            FilterEnabled = new RuntimeFractionalPercent
            {
                DefaultValue = new FractionalPercent { Numerator = 100, Denominator = FractionalPercent.Types.DenominatorType.Hundred },
            },
            AllowCredentials = cors.AllowCredentials,
            AllowHeaders = string.Join(',', cors.AllowHeaders),
            AllowMethods = string.Join(',', cors.AllowMethods),
            ExposeHeaders = string.Join(',', cors.ExposeHeaders),
        };
        result.AllowOriginStringMatch.AddRange(cors.AllowOrigins.Select(StringMatchers.ToEnvoy));
        if (cors.MaxAge is { } maxAge)
        {
            result.MaxAge = ((long)maxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }
}
