namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Xds.Generation.Common;
using Locality = ControlPlane.Model.Services.Locality;

/// <summary>
/// Where the proxy is, as istiod's <c>initializeProxy</c> decides it: the locality of its first service target's
/// endpoint (registry knowledge, e.g. node topology labels), else the locality its Envoy node reported; and its labels
/// augmented with that locality, its cluster ID, node name and network (<c>AugmentLabels</c>), which is what
/// <c>failoverPriority</c> keys such as <c>topology.istio.io/network</c> are compared with.
/// </summary>
internal static class ProxyTopology
{
    public static Locality LocalityOf(GenerationContext context)
    {
        var registered = context.Proxy.IpAddresses
            .Distinct(StringComparer.Ordinal)
            .SelectMany(ip => context.Push.Endpoints.AtAddress(ip))
            .Where(t => context.Push.Services.ByKey.ContainsKey(t.Service))
            .OrderBy(t => t.Service.Hostname, StringComparer.Ordinal)
            .ThenBy(t => t.Service.Namespace, StringComparer.Ordinal)
            .Select(t => t.Endpoint.Locality)
            .FirstOrDefault();
        return registered is { Region.Length: > 0 } ? registered : context.Proxy.Locality;
    }

    /// <summary>istiod skips label priorities for a proxy whose augmented labels are empty.</summary>
    public static bool HasLabels(GenerationContext context, Locality locality)
    {
        var proxy = context.Proxy;
        return proxy.Labels.Count > 0 || locality != Locality.Unknown || proxy.ClusterId.Length > 0
            || proxy.Metadata.ContainsKey("NODE_NAME") || proxy.Metadata.ContainsKey("NETWORK");
    }

    /// <summary>The proxy's value of <paramref name="key"/> after augmentation; "" when absent (Go's map lookup).</summary>
    public static string Label(GenerationContext context, Locality locality, string key)
    {
        var proxy = context.Proxy;
        var augmented = key switch
        {
            EndpointTopology.RegionLabel => locality.Region,
            EndpointTopology.ZoneLabel => locality.Zone,
            EndpointTopology.SubzoneLabel => locality.SubZone,
            EndpointTopology.ClusterLabel => proxy.ClusterId,
            EndpointTopology.HostnameLabel => proxy.Metadata.GetValueOrDefault("NODE_NAME") ?? "",

            // The workload's own network label wins over the node metadata's, as in istiod.
            EndpointTopology.NetworkLabel when !proxy.Labels.ContainsKey(key) => proxy.Metadata.GetValueOrDefault("NETWORK") ?? "",
            _ => "",
        };

        return augmented.Length > 0 ? augmented : proxy.Labels.GetValueOrDefault(key) ?? "";
    }
}
