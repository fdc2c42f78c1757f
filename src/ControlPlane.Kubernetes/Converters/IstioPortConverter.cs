namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Services;

/// <summary>The <c>port</c> objects of ServiceEntry, Gateway and Sidecar: number, protocol name, port name.</summary>
internal static class IstioPortConverter
{
    /// <summary>Reads a protocol name (HTTP, HTTP2, GRPC, TCP, TLS, ...); null when absent, an error when unknown.</summary>
    public static Protocol? ReadProtocol(FieldReader port, bool required)
    {
        var name = port.String("protocol", required);
        if (name is null)
        {
            return null;
        }

        var protocol = ProtocolParser.FromName(name);
        if (protocol == Protocol.Unsupported)
        {
            port.Error("protocol", $"'{name}' is not a protocol the mesh knows (HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, TCP, TLS, MONGO, REDIS, MYSQL, UDP)");
        }

        return protocol;
    }

    public static ServicePort? ReadServicePort(FieldReader port)
    {
        var number = port.Int("number", 1, 65535, required: true);
        var protocol = ReadProtocol(port, required: true);
        var name = port.String("name", required: true);
        var targetPort = port.Int("targetPort", 1, 65535) ?? 0;
        if (number is null || protocol is null || name is null)
        {
            return null;
        }

        return new ServicePort(name, number.Value, protocol.Value, targetPort);
    }
}
