namespace ControlPlane.Xds.Generation.Listeners;

using System.Net;
using System.Net.Sockets;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>getSidecarInboundBindIPs</c>: a Sidecar ingress entry without <c>bind</c> listens on the workload's first global
/// unicast IP (private ranges count, as in Go's <c>IsGlobalUnicast</c>), else on the wildcard of its IP family.
/// </summary>
internal static class InboundBindAddress
{
    public static string Default(Proxy proxy)
    {
        foreach (var ip in proxy.IpAddresses)
        {
            if (IPAddress.TryParse(ip, out var address) && IsGlobalUnicast(address))
            {
                return address.ToString();
            }
        }

        var allIpv6 = !proxy.IpAddresses.IsDefaultOrEmpty
            && proxy.IpAddresses.All(ip => IPAddress.TryParse(ip, out var a) && a.AddressFamily == AddressFamily.InterNetworkV6);
        return allIpv6 ? "::" : EnvoyNames.WildcardIpv4;
    }

    private static bool IsGlobalUnicast(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            var linkLocal = bytes[0] == 169 && bytes[1] == 254;
            var multicast = bytes[0] is >= 224 and <= 239;
            return !linkLocal && !multicast && !address.Equals(IPAddress.Broadcast);
        }

        return !address.IsIPv6LinkLocal && !address.IsIPv6Multicast;
    }
}
