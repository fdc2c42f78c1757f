namespace ControlPlane.Xds.Generation.Listeners;

using System.Globalization;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>Proxy.CanBindToPort</c>: wildcard listeners may not take the proxy's own ports (15001, 15006, the agent status port
/// and Envoy's Prometheus port, from node metadata), and an unprivileged pod cannot bind ports 1-1023.
/// </summary>
internal static class ListenerPorts
{
    /// <param name="virtualPortsReserved">
    /// False for Sidecar ingress ports: istiod checks them without a push context, so only the agent's static ports
    /// (status, Prometheus) are reserved for them, not 15001/15006.
    /// </param>
    public static bool CanBind(GenerationContext context, bool bindToPort, string bind, int port, Protocol protocol, bool virtualPortsReserved = true)
    {
        // Port 0 is a Unix domain socket listener, not a privileged port (istiod's isPrivilegedPort: 1-1023).
        if (bindToPort && port is > 0 and < 1024 && IsUnprivileged(context.Proxy))
        {
            return false;
        }

        return !ConflictsWithReservedListener(context, bind, port, protocol, virtualPortsReserved);
    }

    private static bool ConflictsWithReservedListener(GenerationContext context, string bind, int port, Protocol protocol, bool virtualPortsReserved)
    {
        if (bind.Length > 0 ? bind != EnvoyNames.WildcardIpv4 : !protocol.IsHttp())
        {
            // A specific bind, or a TCP service (listening on its VIP), cannot collide with the proxy's wildcard listeners.
            return false;
        }

        var mesh = context.Push.Mesh;
        return (virtualPortsReserved && (port == mesh.ProxyListenPort || port == mesh.ProxyInboundListenPort))
            || port == MetadataPort(context.Proxy, "ENVOY_STATUS_PORT", 15021)
            || port == MetadataPort(context.Proxy, "ENVOY_PROMETHEUS_PORT", 15090);
    }

    private static int MetadataPort(Proxy proxy, string key, int fallback) =>
        proxy.Metadata.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? port
            : fallback;

    /// <summary><c>IsUnprivileged</c>: the metadata must parse as Go's <c>strconv.ParseBool</c> true.</summary>
    private static bool IsUnprivileged(Proxy proxy) =>
        proxy.Metadata.TryGetValue("UNPRIVILEGED_POD", out var value) && value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
