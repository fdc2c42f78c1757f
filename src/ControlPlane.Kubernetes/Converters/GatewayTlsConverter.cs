namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Gateways;

/// <summary>A Gateway server's <c>tls</c> (ServerTLSSettings), read whole and then checked by <see cref="GatewayTlsChecks"/>.</summary>
internal static class GatewayTlsConverter
{
    private static readonly FrozenDictionary<string, GatewayTlsMode> Modes =
        new Dictionary<string, GatewayTlsMode>(StringComparer.Ordinal)
        {
            ["PASSTHROUGH"] = GatewayTlsMode.Passthrough,
            ["SIMPLE"] = GatewayTlsMode.Simple,
            ["MUTUAL"] = GatewayTlsMode.Mutual,
            ["AUTO_PASSTHROUGH"] = GatewayTlsMode.AutoPassthrough,
            ["ISTIO_MUTUAL"] = GatewayTlsMode.IstioMutual,
            ["OPTIONAL_MUTUAL"] = GatewayTlsMode.OptionalMutual,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, GatewayTlsProtocol> Protocols =
        new Dictionary<string, GatewayTlsProtocol>(StringComparer.Ordinal)
        {
            ["TLS_AUTO"] = GatewayTlsProtocol.Auto,
            ["TLSV1_0"] = GatewayTlsProtocol.Tls10,
            ["TLSV1_1"] = GatewayTlsProtocol.Tls11,
            ["TLSV1_2"] = GatewayTlsProtocol.Tls12,
            ["TLSV1_3"] = GatewayTlsProtocol.Tls13,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static GatewayTlsSettings Convert(FieldReader tls)
    {
        var cipherSuites = tls.Strings("cipherSuites");
        var settings = new GatewayTlsSettings(tls.Enum("mode", Modes) ?? GatewayTlsMode.Passthrough)
        {
            HttpsRedirect = tls.Bool("httpsRedirect") ?? false,
            CredentialName = tls.String("credentialName") ?? "",
            CredentialNames = tls.Strings("credentialNames"),
            ServerCertificate = tls.String("serverCertificate") ?? "",
            PrivateKey = tls.String("privateKey") ?? "",
            TlsCertificates = tls.Array("tlsCertificates", ConvertCertificate),
            CaCertificates = tls.String("caCertificates") ?? "",
            CaCrl = tls.String("caCrl") ?? "",
            SubjectAltNames = tls.Strings("subjectAltNames"),
            VerifyCertificateSpki = tls.Strings("verifyCertificateSpki"),
            VerifyCertificateHash = tls.Strings("verifyCertificateHash"),
            MinProtocolVersion = tls.Enum("minProtocolVersion", Protocols) ?? GatewayTlsProtocol.Auto,
            MaxProtocolVersion = tls.Enum("maxProtocolVersion", Protocols) ?? GatewayTlsProtocol.Auto,
            CipherSuites = GatewayCipherSuites.Filter(cipherSuites),
        };
        GatewayTlsChecks.Check(tls, settings, cipherSuites);
        return settings;
    }

    /// <summary>The API spelling of a mode, for messages.</summary>
    public static string ModeName(GatewayTlsMode mode) => Modes.First(m => m.Value == mode).Key;

    private static GatewayTlsCertificate ConvertCertificate(FieldReader certificate) =>
        new(certificate.String("serverCertificate") ?? "", certificate.String("privateKey") ?? "");
}
