namespace ControlPlane.Xds.Generation.Endpoints;

using Envoy.Config.Endpoint.V3;
using Locality = ControlPlane.Model.Services.Locality;

/// <summary>istiod's locality helpers (<c>networking/util</c>): <c>LocalityMatch</c> and <c>LbPriority</c>.</summary>
internal static class LocalityMatching
{
    /// <summary>
    /// Whether <paramref name="locality"/> falls under <paramref name="pattern"/> (<c>region/zone/subzone</c>): each part
    /// equal or <c>*</c>; a missing zone or subzone matches any.
    /// </summary>
    public static bool Matches(Locality locality, string pattern)
    {
        var rule = Locality.Parse(pattern);
        return (rule.Region == "*" || rule.Region == locality.Region)
            && (rule.Zone is "*" or "" || rule.Zone == locality.Zone)
            && (rule.SubZone is "*" or "" || rule.SubZone == locality.SubZone);
    }

    /// <summary>0 same region, zone and subzone; 1 same region and zone; 2 same region; 3 otherwise.</summary>
    public static int Priority(Locality proxy, Locality endpoints)
    {
        if (proxy.Region != endpoints.Region)
        {
            return 3;
        }

        if (proxy.Zone != endpoints.Zone)
        {
            return 2;
        }

        return proxy.SubZone == endpoints.SubZone ? 0 : 1;
    }

    public static Locality Of(LocalityLbEndpoints group) => group.Locality is { } l ? new Locality(l.Region, l.Zone, l.SubZone) : Locality.Unknown;
}
