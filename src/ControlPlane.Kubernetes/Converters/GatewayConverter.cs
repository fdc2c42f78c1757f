namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Services;

/// <summary>networking.istio.io Gateway.</summary>
internal static class GatewayConverter
{
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
        if (port is not null && port.Int("targetPort", 0) > 0)
        {
            // istiod's validateServerPort rejects it rather than ignoring it.
            port.Error("targetPort", "targetPort has no impact on Gateways");
        }

        var hosts = server.Strings("hosts", required: true);
        for (var i = 0; i < hosts.Length; i++)
        {
            if (NamespacedHost.Check(hosts[i], sidecar: false) is { } problem)
            {
                server.Error($"hosts[{i}]", problem);
            }
        }

        var tlsReader = server.Object("tls");
        var tls = tlsReader is null ? null : GatewayTlsConverter.Convert(tlsReader);
        if (server.Raw("defaultEndpoint") is not null)
        {
            // The API itself marks the field NOT IMPLEMENTED and hides it from the docs; istiod never reads it.
            server.Warning("defaultEndpoint", "is ignored, as istiod ignores it: the Gateway API marks defaultEndpoint as not implemented");
        }

        CheckTlsForProtocol(server, protocol, tls);
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

    /// <summary>
    /// <c>validateServer</c>: HTTPS and TLS servers need TLS settings; a plain HTTP server may only carry passthrough
    /// settings without certificate files (for <c>httpsRedirect</c>); other protocols none.
    /// </summary>
    private static void CheckTlsForProtocol(FieldReader server, Protocol? protocol, GatewayTlsSettings? tls)
    {
        if (protocol is not { } p)
        {
            return;
        }

        if (p.IsTls() && tls is null)
        {
            server.Error("tls", $"is required for {p.ToString().ToUpperInvariant()} servers");
        }
        else if (!p.IsTls() && tls is not null && !(p.IsHttp() && tls.Mode == GatewayTlsMode.Passthrough && HasNoCertificates(tls)))
        {
            server.Error("tls", p.IsHttp()
                ? "server cannot have TLS settings for plain text HTTP ports (only httpsRedirect)"
                : "server cannot have TLS settings for non HTTPS/TLS ports");
        }

        if (!p.IsHttp() && tls?.HttpsRedirect == true)
        {
            server.Warning("tls.httpsRedirect", "tls.httpsRedirect should only be used with http servers");
        }
    }

    private static bool HasNoCertificates(GatewayTlsSettings tls) =>
        tls.ServerCertificate.Length == 0 && tls.PrivateKey.Length == 0 && tls.CaCertificates.Length == 0;
}
