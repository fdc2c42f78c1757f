namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.ProxyProtocol.V3;
using Envoy.Extensions.TransportSockets.RawBuffer.V3;

/// <summary>
/// <c>applyUpstreamProxyProtocol</c>: the cluster's transport socket, and each <c>transport_socket_matches</c> socket, is
/// wrapped in <c>envoy.transport_sockets.upstream_proxy_protocol</c> so that the PROXY header precedes the TLS handshake.
/// A cluster with neither gets the wrapper around a raw buffer. Runs after TLS, on outbound clusters only.
/// </summary>
internal static class UpstreamProxyProtocol
{
    public const string TransportSocketName = "envoy.transport_sockets.upstream_proxy_protocol";

    public const string RawBufferSocketName = "envoy.transport_sockets.raw_buffer";

    public static void Apply(Cluster cluster, ProxyProtocolVersion? version)
    {
        if (version is not { } v)
        {
            return;
        }

        if (cluster.TransportSocket is null && cluster.TransportSocketMatches.Count == 0)
        {
            cluster.TransportSocket = Wrap(v, new TransportSocket { Name = RawBufferSocketName, TypedConfig = EnvoyProto.Pack(new RawBuffer()) });
            return;
        }

        if (cluster.TransportSocket is { } socket)
        {
            cluster.TransportSocket = Wrap(v, socket);
        }

        foreach (var match in cluster.TransportSocketMatches)
        {
            match.TransportSocket = Wrap(v, match.TransportSocket);
        }
    }

    private static TransportSocket Wrap(ProxyProtocolVersion version, TransportSocket inner) => new()
    {
        Name = TransportSocketName,
        TypedConfig = EnvoyProto.Pack(new ProxyProtocolUpstreamTransport
        {
            Config = new ProxyProtocolConfig { Version = (ProxyProtocolConfig.Types.Version)(int)version },
            TransportSocket = inner,
        }),
    };
}
