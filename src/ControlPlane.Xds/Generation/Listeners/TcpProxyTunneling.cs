namespace ControlPlane.Xds.Generation.Listeners;

using System.Globalization;
using ControlPlane.Model.Config.DestinationRules;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;

/// <summary>
/// istiod's <c>tunnelingconfig.Apply</c>: an outbound tcp_proxy to a destination whose DestinationRule sets
/// <c>trafficPolicy.tunnel</c> tunnels the connection to <c>targetHost:targetPort</c> over HTTP CONNECT (or POST). A
/// routed subset reads its own policy's tunnel only, without falling back to the rule's; port-level settings have none.
/// Weighted routes read the rule level of the first destination's rule, since the setting lives on the filter.
/// </summary>
internal static class TcpProxyTunneling
{
    /// <param name="rule">The destination service's rule as the proxy's scope resolves it; null when it has none.</param>
    public static TcpProxy.Types.TunnelingConfig? For(DestinationRule? rule, string subset)
    {
        var tunnel = subset.Length > 0 ? rule?.FindSubset(subset)?.TrafficPolicy?.Tunnel : rule?.TrafficPolicy?.Tunnel;
        return tunnel is null ? null : new TcpProxy.Types.TunnelingConfig
        {
            Hostname = JoinHostPort(tunnel.TargetHost, tunnel.TargetPort),
            UsePost = tunnel.UsePost,
        };
    }

    /// <summary>Go's <c>net.JoinHostPort</c>: IPv6 literals are bracketed.</summary>
    private static string JoinHostPort(string host, int port)
    {
        var text = port.ToString(CultureInfo.InvariantCulture);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{text}" : $"{host}:{text}";
    }
}
