namespace ControlPlane.Xds.Generation.Endpoints;

using Endpoint = ControlPlane.Model.Services.Endpoint;

/// <summary>
/// An endpoint's labels as istiod's registry augments them (<c>AugmentLabels</c>): its locality's region, zone and
/// subzone under the well-known topology keys, over the workload's own labels. Cluster, node and network labels are
/// only what the workload itself carries: the model keeps no registry cluster or network per endpoint.
/// </summary>
internal static class EndpointTopology
{
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string SubzoneLabel = "topology.istio.io/subzone";
    public const string ClusterLabel = "topology.istio.io/cluster";
    public const string NetworkLabel = "topology.istio.io/network";
    public const string HostnameLabel = "kubernetes.io/hostname";

    /// <summary>The value of <paramref name="key"/>, "" when absent (Go's map lookup).</summary>
    public static string Label(Endpoint endpoint, string key)
    {
        var fromLocality = key switch
        {
            RegionLabel => endpoint.Locality.Region,
            ZoneLabel => endpoint.Locality.Zone,
            SubzoneLabel => endpoint.Locality.SubZone,
            _ => "",
        };
        if (fromLocality.Length > 0)
        {
            return fromLocality;
        }

        return endpoint.Labels.TryGetValue(key, out var value) ? value : "";
    }
}
