namespace ControlPlane.Xds.Generation.Routes;

using Envoy.Type.V3;

/// <summary>
/// istiod's percentage conversions: an Istio <c>Percent</c> (a double) becomes parts per MILLION, truncated as Go's
/// <c>uint32(p * 10000)</c> truncates; a legacy integer percent stays parts per HUNDRED.
/// </summary>
internal static class FractionalPercents
{
    public static FractionalPercent FromPercent(double percent) => new()
    {
        Numerator = (uint)(percent * 10000),
        Denominator = FractionalPercent.Types.DenominatorType.Million,
    };

    public static FractionalPercent FromInteger(int percent) => new()
    {
        Numerator = (uint)percent,
        Denominator = FractionalPercent.Types.DenominatorType.Hundred,
    };
}
