namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using System.Globalization;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;

/// <summary>Filter chain options of outbound listeners (<c>buildSidecarOutboundHTTPListenerOpts</c> / <c>...TCPListenerOpts</c>).</summary>
internal static class OutboundChainsBuilder
{
    /// <summary>ALPN values the HTTP inspector sets for plaintext HTTP (HTTP/1.0 only with <c>PILOT_HTTP10</c>).</summary>
    public static readonly ImmutableArray<string> PlaintextHttpAlpns = ["http/1.1", "h2c"];

    public const string RawBuffer = "raw_buffer";

    /// <summary>
    /// The HCM chain. Its RDS name is the port, shared by every HTTP service on it, except for sniffed services bound to
    /// their VIP, which get a route configuration of their own (<c>host:port</c>), and Unix domain socket listeners (port
    /// 0), whose route configuration is named after the socket (<c>unix:///path</c>).
    /// </summary>
    public static OutboundChain Http(OutboundListenerRequest request, ListenerProtocol protocol, bool withAlpn)
    {
        return new OutboundChain
        {
            RdsName = RdsName(request, protocol),
            Protocol = request.Port.Protocol,
            ApplicationProtocols = withAlpn ? PlaintextHttpAlpns : [],
            TransportProtocol = withAlpn ? RawBuffer : "",
        };
    }

    /// <summary>TLS chains for HTTPS/TLS ports, TCP chains otherwise, from the VirtualServices naming this service.</summary>
    public static List<OutboundChain> Tcp(GenerationContext context, OutboundListenerRequest request)
    {
        var virtualServices = request.VirtualServices
            .Where(vs => vs.Hosts.Any(h => Model.Hosts.HostName.Overlaps(h, request.Service.Hostname)))
            .ToList();
        return request.Port.Protocol.IsTls()
            ? TlsChainsBuilder.Build(context, request, virtualServices)
            : TcpChainsBuilder.Build(context, request, virtualServices);
    }

    /// <summary>
    /// The default destination of a TCP/TLS chain: the service's own cluster, on the listener port unless the service has
    /// a single port (a Sidecar egress port may differ from the service port).
    /// </summary>
    public static string DefaultCluster(OutboundListenerRequest request)
    {
        var port = request.Service.Ports.Length == 1 ? request.Service.Ports[0].Port : request.Port.Port;
        return ClusterName.Outbound(port, "", request.Service.Hostname);
    }

    private static string RdsName(OutboundListenerRequest request, ListenerProtocol protocol)
    {
        var port = request.Port.Port.ToString(CultureInfo.InvariantCulture);
        return request.Port.Port == 0 ? request.Bind
            : protocol == ListenerProtocol.Auto && request.Bind != EnvoyNames.WildcardIpv4 ? $"{request.Service.Hostname}:{port}"
            : port;
    }
}
