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

        var servers = spec.Array("servers", ConvertServer, required: true);
        if (spec.Has("servers") && servers.IsEmpty && !spec.Context.Problems.HasErrors)
        {
            spec.Error("servers", "gateway must have at least one server");
        }

        CheckPortNames(spec, servers);
        return new Gateway
        {
            Meta = scope.ConfigMeta(),
            Selector = spec.StringMap("selector"),
            Servers = servers,
        };
    }

    private static void CheckPortNames(FieldReader spec, IReadOnlyList<GatewayServer> servers)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < servers.Count; i++)
        {
            if (!names.Add(servers[i].PortName))
            {
                spec.Error($"servers[{i}].port.name", $"port names in servers must be unique: duplicate name '{servers[i].PortName}'");
            }
        }
    }

    private static GatewayServer? ConvertServer(FieldReader server)
    {
        var port = server.Object("port", required: true);
        var number = port?.Int("number", 1, 65535, required: true);
        var protocol = port is null ? null : IstioPortConverter.ReadProtocol(port, required: true);
        var portName = port?.String("name") ?? "";
        port?.Unsupported("targetPort");
        var hosts = server.Strings("hosts", required: true);
        for (var i = 0; i < hosts.Length; i++)
        {
            if (NamespacedHost.Check(hosts[i], sidecar: false) is { } problem)
            {
                server.Error($"hosts[{i}]", problem);
            }
        }

        var tlsReader = server.Object("tls");
        var tls = tlsReader is null ? null : ConvertTls(tlsReader);
        server.Unsupported("defaultEndpoint");
        if (protocol is Protocol.Https or Protocol.Tls && tls is null)
        {
            server.Error("tls", $"is required for {protocol.Value.ToString().ToUpperInvariant()} servers");
        }
        else if (protocol is { } p && !p.IsTls() && tls is not null && !(p.IsHttp() && tls.Mode == GatewayTlsMode.Passthrough && HasNoCertificates(tlsReader!)))
        {
            server.Error("tls", p.IsHttp()
                ? "server cannot have TLS settings for plain text HTTP ports (only httpsRedirect)"
                : "server cannot have TLS settings for non HTTPS/TLS ports");
        }

        if (port is not null && portName.Length == 0)
        {
            port.Error("name", "port name must be set");
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

    private static string ModeName(GatewayTlsMode mode) => mode switch
    {
        GatewayTlsMode.OptionalMutual => "OPTIONAL_MUTUAL",
        _ => mode.ToString().ToUpperInvariant(),
    };

    /// <summary>A plain HTTP server may carry passthrough TLS settings (for <c>httpsRedirect</c>) but no certificate files.</summary>
    private static bool HasNoCertificates(FieldReader tls) =>
        !tls.Has("serverCertificate") && !tls.Has("privateKey") && !tls.Has("caCertificates");

    private static GatewayTlsSettings ConvertTls(FieldReader tls)
    {
        var mode = tls.Enum("mode", TlsModes) ?? GatewayTlsMode.Passthrough;
        var credentialName = tls.String("credentialName") ?? "";
        var terminates = mode is GatewayTlsMode.Simple or GatewayTlsMode.Mutual or GatewayTlsMode.OptionalMutual;
        if (terminates && credentialName.Length == 0 && !tls.Has("serverCertificate") && !tls.Has("credentialNames"))
        {
            tls.Error("credentialName", $"is required for {ModeName(mode)} mode");
        }
        else if (terminates && (credentialName.Length > 0 || tls.Has("credentialNames")))
        {
            // Serving the certificate named here means delivering a Kubernetes secret over SDS, which this control
            // plane does not do yet. The object is valid (istiod accepts it), so only this server is left out by the
            // gateway generators; the Gateway's other servers (typically the HTTP redirect on 80) are still served.
            tls.Warning(credentialName.Length > 0 ? "credentialName" : "credentialNames",
                $"{ModeName(mode)} TLS with a credential needs secret delivery (SDS), not supported yet: this server is not served, the others are");
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
