namespace ControlPlane.Xds.Generation.Clusters;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;

/// <summary>
/// The single endpoint of a Sidecar ingress entry's inbound cluster, from <c>defaultEndpoint</c>
/// (<c>buildInboundClustersFromSidecar</c>): <c>unix://path</c> as written; <c>0.0.0.0</c> / <c>[::]</c> become the
/// workload's first IPv4 / IPv6 address (loopback when it has none); <c>127.0.0.1</c> / <c>[::1]</c> the loopback of the
/// proxy's IP family, preferring the one written.
/// </summary>
internal sealed record InboundEndpoint(string Address, int Port)
{
    private const string LoopbackIpv6 = "::1";

    /// <summary>
    /// Connections to loopback are not redirected back to the sidecar, so the cluster needs no 127.0.0.6 source bind.
    /// </summary>
    public bool IsLoopback => Address is EnvoyNames.LocalhostIpv4 or LoopbackIpv6;

    /// <summary>
    /// The loopback endpoint of MeshConfig's <c>inboundTrafficPolicy: LOCALHOST</c> (<c>getActualWildcardAndLocalHost</c>):
    /// IPv4 unless the proxy has IPv6 addresses only.
    /// </summary>
    public static InboundEndpoint Loopback(Proxy proxy, int port) => new(OnlyIpv6(proxy) ? LoopbackIpv6 : EnvoyNames.LocalhostIpv4, port);

    public Address ToEnvoyAddress() => EnvoyProto.BuildAddress(Address, Port);

    /// <summary>
    /// False when <paramref name="defaultEndpoint"/> cannot be parsed (istiod then builds no cluster for the entry;
    /// validation prevents it). True with a null endpoint when the cluster keeps the original destination: no
    /// <c>defaultEndpoint</c>, or one without a host (<c>:8080</c>).
    /// </summary>
    public static bool TryResolve(Proxy proxy, string defaultEndpoint, out InboundEndpoint? endpoint)
    {
        endpoint = null;
        if (defaultEndpoint.Length == 0)
        {
            return true;
        }

        if (defaultEndpoint.StartsWith(EnvoyProto.UnixAddressPrefix, StringComparison.Ordinal))
        {
            endpoint = new InboundEndpoint(defaultEndpoint, 0);
            return true;
        }

        if (!TrySplitHostPort(defaultEndpoint, out var host, out var port))
        {
            return false;
        }

        var address = host switch
        {
            EnvoyNames.WildcardIpv4 => FirstOf(proxy, AddressFamily.InterNetwork) ?? EnvoyNames.LocalhostIpv4,
            "::" => FirstOf(proxy, AddressFamily.InterNetworkV6) ?? LoopbackIpv6,
            EnvoyNames.LocalhostIpv4 => OnlyIpv6(proxy) ? LoopbackIpv6 : EnvoyNames.LocalhostIpv4,
            LoopbackIpv6 => OnlyIpv4(proxy) ? EnvoyNames.LocalhostIpv4 : LoopbackIpv6,
            _ => "",
        };
        endpoint = address.Length == 0 ? null : new InboundEndpoint(address, port);
        return true;
    }

    /// <summary>Go's <c>net.SplitHostPort</c> for the forms validation allows: <c>host:port</c>, <c>[v6]:port</c>, <c>:port</c>.</summary>
    private static bool TrySplitHostPort(string value, out string host, out int port)
    {
        host = "";
        port = 0;
        int colon;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = value[1..close];
            colon = close + 1;
        }
        else
        {
            colon = value.LastIndexOf(':');
            if (colon < 0 || value.IndexOf(':') != colon)
            {
                return false;
            }

            host = value[..colon];
        }

        return int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port);
    }

    private static string? FirstOf(Proxy proxy, AddressFamily family) =>
        proxy.IpAddresses.FirstOrDefault(ip => IPAddress.TryParse(ip, out var a) && a.AddressFamily == family);

    /// <summary>A proxy without addresses counts as IPv4, istiod's default IP mode.</summary>
    private static bool OnlyIpv6(Proxy proxy) => !proxy.IpAddresses.IsDefaultOrEmpty && Families(proxy).All(f => f == AddressFamily.InterNetworkV6);

    private static bool OnlyIpv4(Proxy proxy) => Families(proxy).All(f => f == AddressFamily.InterNetwork);

    private static List<AddressFamily> Families(Proxy proxy) =>
        [.. proxy.IpAddresses.Select(ip => IPAddress.TryParse(ip, out var a) ? a.AddressFamily : AddressFamily.Unknown)];
}
