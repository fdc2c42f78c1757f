namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Services;

/// <summary>networking.istio.io Gateway.</summary>
internal static class GatewayConverter
{
    private static readonly FrozenDictionary<string, GatewayTlsMode> TlsModes =
        new Dictionary<string, GatewayTlsMode>(StringComparer.Ordinal)
        {
            ["PASSTHROUGH"] = GatewayTlsMode.Passthrough,
            ["SIMPLE"] = GatewayTlsMode.Simple,
            ["MUTUAL"] = GatewayTlsMode.Mutual,
            ["AUTO_PASSTHROUGH"] = GatewayTlsMode.AutoPassthrough,
            ["ISTIO_MUTUAL"] = GatewayTlsMode.IstioMutual,
            ["OPTIONAL_MUTUAL"] = GatewayTlsMode.OptionalMutual,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Gateway? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        return new Gateway
        {
            Meta = scope.ConfigMeta(),
            Selector = spec.StringMap("selector"),
            Servers = spec.Array("servers", ConvertServer, required: true),
        };
    }

    private static GatewayServer? ConvertServer(FieldReader server)
    {
        var port = server.Object("port", required: true);
        var number = port?.Int("number", 1, 65535, required: true);
        var protocol = port is null ? null : IstioPortConverter.ReadProtocol(port, required: true);
        var portName = port?.String("name") ?? "";
        port?.Unsupported("targetPort");
        var hosts = server.Strings("hosts", required: true);
        var tls = server.Object("tls") is { } t ? ConvertTls(t) : null;
        server.Unsupported("defaultEndpoint");
        if (protocol is Protocol.Https or Protocol.Tls && tls is null)
        {
            server.Error("tls", $"is required for {protocol.Value.ToString().ToUpperInvariant()} servers");
        }

        if (number is null || protocol is null)
        {
            return null;
        }

        return new GatewayServer(number.Value, protocol.Value, portName, hosts)
        {
            Name = server.String("name") ?? "",
            Bind = server.String("bind") ?? "",
            Tls = tls,
        };
    }

    private static GatewayTlsSettings ConvertTls(FieldReader tls)
    {
        var mode = tls.Enum("mode", TlsModes) ?? GatewayTlsMode.Passthrough;
        var credentialName = tls.String("credentialName") ?? "";
        if (mode is GatewayTlsMode.Simple or GatewayTlsMode.Mutual or GatewayTlsMode.OptionalMutual
            && credentialName.Length == 0 && !tls.Has("serverCertificate") && !tls.Has("credentialNames"))
        {
            tls.Error("credentialName", $"is required for {mode.ToString().ToUpperInvariant()} mode");
        }

        tls.Unsupported("serverCertificate", "privateKey", "caCertificates", "caCrl", "credentialNames", "tlsCertificates",
            "subjectAltNames", "verifyCertificateSpki", "verifyCertificateHash", "minProtocolVersion", "maxProtocolVersion",
            "cipherSuites");
        return new GatewayTlsSettings(mode)
        {
            HttpsRedirect = tls.Bool("httpsRedirect") ?? false,
            CredentialName = credentialName,
        };
    }
}
