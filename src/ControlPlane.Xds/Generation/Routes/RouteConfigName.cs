namespace ControlPlane.Xds.Generation.Routes;

using System.Globalization;

/// <summary>
/// <c>extractListenerPort</c>: outbound RDS names are <c>"&lt;port&gt;"</c> (shared per port) or
/// <c>"&lt;fqdn&gt;:&lt;port&gt;"</c> (one sniffed service).
/// </summary>
internal static class RouteConfigName
{
    public static bool TryParse(string name, out int port, out bool sniffed, out string host)
    {
        var colon = name.LastIndexOf(':');
        sniffed = colon >= 0;
        host = sniffed ? name[..colon] : "";
        var portText = sniffed ? name[(colon + 1)..] : name;
        return int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0;
    }
}
