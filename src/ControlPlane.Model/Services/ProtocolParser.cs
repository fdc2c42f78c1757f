namespace ControlPlane.Model.Services;

/// <summary>
/// Istio's protocol selection: <c>appProtocol</c> wins, otherwise the port name prefix before the first '-'
/// (<c>http-web</c>, <c>grpc</c>); anything unknown is <see cref="Protocol.Unsupported"/>, i.e. sniffed.
/// </summary>
public static class ProtocolParser
{
    public static Protocol FromPort(string? portName, string? appProtocol)
    {
        if (!string.IsNullOrEmpty(appProtocol))
        {
            var fromApp = FromName(appProtocol);
            if (fromApp != Protocol.Unsupported)
            {
                return fromApp;
            }
        }

        if (string.IsNullOrEmpty(portName))
        {
            return Protocol.Unsupported;
        }

        var dash = portName.IndexOf('-', StringComparison.Ordinal);
        return FromName(dash < 0 ? portName : portName[..dash]);
    }

    /// <summary>Parses a protocol name as written in ServiceEntry / Gateway ports (case-insensitive).</summary>
    public static Protocol FromName(string name) => name.ToUpperInvariant() switch
    {
        "HTTP" or "HTTP/1.1" => Protocol.Http,
        "HTTP2" or "H2C" or "KUBERNETES.IO/H2C" => Protocol.Http2,
        "GRPC" => Protocol.Grpc,
        "GRPC-WEB" => Protocol.GrpcWeb,
        "HTTPS" or "KUBERNETES.IO/WSS" => Protocol.Https,
        "TCP" => Protocol.Tcp,
        "TLS" => Protocol.Tls,
        "MONGO" => Protocol.Mongo,
        "REDIS" => Protocol.Redis,
        "MYSQL" => Protocol.MySql,
        "UDP" => Protocol.Udp,
        _ => Protocol.Unsupported,
    };
}
