namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Services;

/// <summary>Protocol predicates with istiod's exact membership (<c>pkg/config/protocol</c>).</summary>
internal static class Protocols
{
    /// <summary><c>ModelProtocolToListenerProtocol</c>.</summary>
    public static ListenerProtocol ToListenerProtocol(Protocol protocol) => protocol switch
    {
        Protocol.Http or Protocol.Http2 or Protocol.Grpc or Protocol.GrpcWeb => ListenerProtocol.Http,
        Protocol.Tcp or Protocol.Https or Protocol.Tls or Protocol.Mongo or Protocol.Redis or Protocol.MySql => ListenerProtocol.Tcp,
        Protocol.Udp => ListenerProtocol.None,
        _ => ListenerProtocol.Auto,
    };

    /// <summary>istiod's <c>IsHTTP2</c> includes gRPC-Web: those upstreams get explicit HTTP/2.</summary>
    public static bool IsHttp2(Protocol protocol) => protocol is Protocol.Http2 or Protocol.Grpc or Protocol.GrpcWeb;

    public static bool IsGrpc(Protocol protocol) => protocol is Protocol.Grpc or Protocol.GrpcWeb;

    /// <summary><c>IsHTTPOrSniffed</c>: ports that get virtual hosts in RDS.</summary>
    public static bool IsHttpOrSniffed(Protocol protocol) => protocol.IsHttp() || protocol == Protocol.Unsupported;
}
