namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Proxies;

/// <summary>The proxy's traffic interception mode (node metadata <c>INTERCEPTION_MODE</c>).</summary>
internal static class Interception
{
    /// <summary>NONE: no iptables capture, so no virtual listeners and no service-derived inbound config.</summary>
    public static bool IsNone(Proxy proxy) => string.Equals(proxy.InterceptionMode, "NONE", StringComparison.OrdinalIgnoreCase);

    public static bool IsTproxy(Proxy proxy) => string.Equals(proxy.InterceptionMode, "TPROXY", StringComparison.OrdinalIgnoreCase);
}
