namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// Istio ClientTLSSettings, validated as istiod's <c>ValidateTLS</c>. SIMPLE and MUTUAL with certificate files are applied
/// (the sidecar's own agent serves the files); what needs secrets or certificates from the control plane is reported.
/// </summary>
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
        var settings = new ClientTlsSettings(tls.Enum("mode", Modes) ?? ClientTlsMode.Disable)
        {
            Sni = tls.String("sni") ?? "",
            SubjectAltNames = tls.Strings("subjectAltNames"),
            CredentialName = tls.String("credentialName") ?? "",
            ClientCertificate = tls.String("clientCertificate") ?? "",
            PrivateKey = tls.String("privateKey") ?? "",
            CaCertificates = tls.String("caCertificates") ?? "",
            CaCrl = tls.String("caCrl") ?? "",
            InsecureSkipVerify = tls.Bool("insecureSkipVerify") ?? false,
        };

        Validate(tls, settings);
        WarnAboutWhatIsNotApplied(tls, settings);
        return settings;
    }

    private static void Validate(FieldReader tls, ClientTlsSettings settings)
    {
        var hasSans = settings.SubjectAltNames.Length > 0;
        if (settings.InsecureSkipVerify && settings.Mode == ClientTlsMode.Simple
            && (settings.CaCertificates.Length > 0 || settings.CredentialName.Length > 0 || hasSans))
        {
            tls.Error("insecureSkipVerify", "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
        }

        if (settings.InsecureSkipVerify && settings.Mode == ClientTlsMode.Mutual && (settings.CaCertificates.Length > 0 || hasSans))
        {
            tls.Error("insecureSkipVerify", "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
        }

        if (settings.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual && settings.CredentialName.Length > 0)
        {
            // Credentials are fetched remotely then, so files must not be named as well.
            if (settings.ClientCertificate.Length > 0 || settings.CaCertificates.Length > 0 || settings.PrivateKey.Length > 0 || settings.CaCrl.Length > 0)
            {
                tls.Error("credentialName", "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
            }

            return;
        }

        if (settings.Mode == ClientTlsMode.Mutual)
        {
            if (settings.ClientCertificate.Length == 0)
            {
                tls.Error("clientCertificate", "client certificate required for mutual tls");
            }

            if (settings.PrivateKey.Length == 0)
            {
                tls.Error("privateKey", "private key required for mutual tls");
            }
        }
    }

    /// <summary>
    /// Without these warnings the traffic would silently stay plaintext: the cluster gets no TLS transport socket for them.
    /// </summary>
    private static void WarnAboutWhatIsNotApplied(FieldReader tls, ClientTlsSettings settings)
    {
        if (settings.Mode == ClientTlsMode.IstioMutual)
        {
            tls.Warning("mode", "ISTIO_MUTUAL needs workload certificates from the mesh CA, not supported yet: the cluster gets no TLS transport socket, so traffic stays plaintext");
        }
        else if (settings.Mode is ClientTlsMode.Simple or ClientTlsMode.Mutual && settings.CredentialName.Length > 0)
        {
            tls.Warning("credentialName", $"{ModeName(settings.Mode)} TLS with credentialName needs secret delivery (SDS), not supported yet: the cluster gets no TLS transport socket, so traffic stays plaintext");
        }
    }

    private static string ModeName(ClientTlsMode mode) => mode == ClientTlsMode.Simple ? "SIMPLE" : "MUTUAL";
}
