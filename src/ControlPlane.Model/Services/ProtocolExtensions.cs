namespace ControlPlane.Model.Services;

public static class ProtocolExtensions
{
    /// <summary>Istio's <c>IsHTTP</c>: protocols that get an HTTP connection manager and RDS.</summary>
    public static bool IsHttp(this Protocol protocol) =>
        protocol is Protocol.Http or Protocol.Http2 or Protocol.Grpc or Protocol.GrpcWeb;

    /// <summary>Protocols whose upstream connections are HTTP/2 (explicit http2_protocol_options on the cluster).</summary>
    public static bool IsHttp2(this Protocol protocol) => protocol is Protocol.Http2 or Protocol.Grpc;

    /// <summary>Istio's <c>IsTCP</c>: everything carried over a plain tcp_proxy.</summary>
    public static bool IsTcp(this Protocol protocol) =>
        protocol is Protocol.Tcp or Protocol.Https or Protocol.Tls or Protocol.Mongo or Protocol.Redis or Protocol.MySql;

    public static bool IsTls(this Protocol protocol) => protocol is Protocol.Https or Protocol.Tls;
}
