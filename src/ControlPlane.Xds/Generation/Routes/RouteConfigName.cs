namespace ControlPlane.Xds.Generation.Routes;

using System.Globalization;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// <c>extractListenerPort</c>: outbound RDS names are <c>"&lt;port&gt;"</c> (shared per port),
/// <c>"&lt;fqdn&gt;:&lt;port&gt;"</c> (one sniffed service) or a Unix domain socket egress listener's bind
/// (<c>unix:///path</c>, port 0: every port of the listener's services).
/// </summary>
internal static class RouteConfigName
{
    public static bool TryParse(string name, out int port, out bool sniffed, out string host)
    {
        if (name.StartsWith(EnvoyProto.UnixAddressPrefix, StringComparison.Ordinal))
        {
            (port, sniffed, host) = (0, false, "");
            return name.Length > EnvoyProto.UnixAddressPrefix.Length;
        }

        var colon = name.LastIndexOf(':');
        sniffed = colon >= 0;
        host = sniffed ? name[..colon] : "";
        var portText = sniffed ? name[(colon + 1)..] : name;
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0;
    }
}
