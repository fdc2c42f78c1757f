namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>Istio ClientTLSSettings. File-based certificates are not supported: credentials come from credentialName.</summary>
internal static class ClientTlsConverter
{
    private static readonly FrozenDictionary<string, ClientTlsMode> Modes =
        new Dictionary<string, ClientTlsMode>(StringComparer.Ordinal)
        {
            ["DISABLE"] = ClientTlsMode.Disable,
            ["SIMPLE"] = ClientTlsMode.Simple,
            ["MUTUAL"] = ClientTlsMode.Mutual,
            ["ISTIO_MUTUAL"] = ClientTlsMode.IstioMutual,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ClientTlsSettings Convert(FieldReader tls)
    {
        var mode = tls.Enum("mode", Modes) ?? ClientTlsMode.Disable;
        var credentialName = tls.String("credentialName") ?? "";
        if (mode == ClientTlsMode.Mutual && credentialName.Length == 0 && !tls.Has("clientCertificate"))
        {
            tls.Error("credentialName", "MUTUAL mode needs a client certificate: set credentialName");
        }

        if (mode != ClientTlsMode.Disable)
        {
            // Only the alpn_override metadata is emitted; without a transport socket the connection stays plaintext.
            tls.Warning("mode", $"{tls.String("mode")} is validated but not applied yet: clusters get no TLS transport socket (TLS origination and Istio mutual TLS are not implemented)");
        }

        tls.Unsupported("clientCertificate", "privateKey", "caCertificates", "caCrl", "insecureSkipVerify");
        return new ClientTlsSettings(mode)
        {
            Sni = tls.String("sni") ?? "",
            SubjectAltNames = tls.Strings("subjectAltNames"),
            CredentialName = credentialName,
        };
    }
}
