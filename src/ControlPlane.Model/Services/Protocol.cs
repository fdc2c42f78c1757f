namespace ControlPlane.Model.Services;

/// <summary>Application protocol of a service port, as Istio derives it from the port name prefix or appProtocol.</summary>
public enum Protocol
{
    /// <summary>Not declared: Istio sniffs it (protocol detection).</summary>
    Unsupported,
    Http,
    Http2,
    Grpc,
    GrpcWeb,
    Https,
    Tcp,
    Tls,
    Mongo,
    Redis,
    MySql,
    Udp,
}
