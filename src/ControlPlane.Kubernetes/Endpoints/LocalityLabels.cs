namespace ControlPlane.Kubernetes.Endpoints;

using ControlPlane.Model.Services;

/// <summary>
/// Istio's locality lookup for a workload: <c>topology.istio.io/locality</c>, then the older <c>istio-locality</c>
/// (both written with '.' separators because label values cannot hold '/'), then the Kubernetes topology labels.
/// </summary>
internal static class LocalityLabels
{
    public const string IstioLocality = "topology.istio.io/locality";
    public const string LegacyIstioLocality = "istio-locality";
    public const string Region = "topology.kubernetes.io/region";
    public const string Zone = "topology.kubernetes.io/zone";
    public const string SubZone = "topology.istio.io/subzone";

    public static Locality Resolve(IReadOnlyDictionary<string, string> labels, string fallbackZone)
    {
        if (labels.TryGetValue(IstioLocality, out var value) || labels.TryGetValue(LegacyIstioLocality, out value))
        {
            return Locality.Parse(value.Contains('/', StringComparison.Ordinal) ? value : value.Replace('.', '/'));
        }

        var region = labels.GetValueOrDefault(Region, "");
        var zone = labels.GetValueOrDefault(Zone, fallbackZone);
        var subZone = labels.GetValueOrDefault(SubZone, "");
        return region.Length == 0 && zone.Length == 0 && subZone.Length == 0
            ? Locality.Unknown
            : new Locality(region, zone, subZone);
    }
}
