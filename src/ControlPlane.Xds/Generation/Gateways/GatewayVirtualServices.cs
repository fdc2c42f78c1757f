namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Indexes;
using ControlPlane.Model.Push;

/// <summary>
/// istiod's <c>VirtualServicesForGateway</c>: the VirtualServices bound to one Gateway and visible from the gateway
/// proxy's namespace, private ones (the proxy's namespace, exported to <c>.</c>) first, then those exported to that
/// namespace by name, then public ones; precedence order (oldest first) within each group. That order is the order
/// routes are appended in when several VirtualServices share a host.
/// </summary>
internal static class GatewayVirtualServices
{
    public static List<VirtualServiceEntry> For(PushContext push, string proxyNamespace, string gatewayName) =>
        [.. push.VirtualServices.All
            .Select((entry, index) => (Entry: entry, Index: index, Group: Group(entry, proxyNamespace)))
            .Where(x => x.Group >= 0 && x.Entry.Config.Gateways.Any(g => GatewayNames.Names(g, x.Entry.Config.Meta.Namespace, gatewayName)))
            .OrderBy(x => x.Group)
            .ThenBy(x => x.Index)
            .Select(x => x.Entry)];

    /// <summary>0 private to the proxy's namespace, 1 exported to it by name, 2 public, -1 not visible.</summary>
    private static int Group(VirtualServiceEntry entry, string proxyNamespace)
    {
        var visibility = entry.ExportTo;
        var ns = entry.Config.Meta.Namespace;
        if (visibility.Public)
        {
            return 2;
        }

        if (visibility.None)
        {
            return -1;
        }

        if (ns == proxyNamespace && (visibility.Private || visibility.Namespaces.Contains(ns)))
        {
            return 0;
        }

        return ns != proxyNamespace && visibility.Namespaces.Contains(proxyNamespace) ? 1 : -1;
    }
}
