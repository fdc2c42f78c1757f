namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.Gateways;

/// <summary>
/// istiod's <c>validateTLSOptions</c> for Gateway servers, in its order and with its messages, plus warnings where this
/// control plane serves less than istiod (a credential needs secret delivery) or where istiod quietly drops a field.
/// </summary>
internal static class GatewayTlsChecks
{
    public static void Check(FieldReader tls, GatewayTlsSettings settings, ImmutableArray<string> cipherSuites)
    {
        CheckCipherSuites(tls, settings, cipherSuites);
        if (settings.Mode == GatewayTlsMode.IstioMutual)
        {
            CheckIstioMutual(tls, settings);
            return;
        }

        if (settings.Mode is GatewayTlsMode.Passthrough or GatewayTlsMode.AutoPassthrough && HasCertificates(settings))
        {
            tls.Warning("mode", $"{GatewayTlsConverter.ModeName(settings.Mode)} mode does not use certificates, they will be ignored");
        }

        if (CertificateSources(settings) > 1)
        {
            tls.Error("", "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified");
        }

        var terminates = settings.Mode is GatewayTlsMode.Simple or GatewayTlsMode.Mutual or GatewayTlsMode.OptionalMutual;
        if (terminates && settings.UsesCredential)
        {
            // Valid (istiod accepts it), but serving the secret means delivering it over SDS, which this control plane
            // does not do: the gateway generators leave this one server out and serve the Gateway's other servers.
            tls.Warning(settings.CredentialName.Length > 0 ? "credentialName" : "credentialNames",
                $"{GatewayTlsConverter.ModeName(settings.Mode)} TLS with a credential needs secret delivery (SDS), not supported yet: this server is not served, the other servers are (certificate files in serverCertificate/privateKey are served)");
            return;
        }

        if (terminates)
        {
            CheckCertificateFiles(tls, settings);
            WarnAboutIgnoredClientChecks(tls, settings);
        }

        if (settings.CaCrl.Length > 0 && settings.CredentialName.Length > 0)
        {
            tls.Error("caCrl", "CRL is not supported with credentialName. CRL has to be specified in the credential");
        }

        if (settings.CaCrl.Length > 0 && settings.Mode == GatewayTlsMode.Simple)
        {
            tls.Error("caCrl", "CRL is not supported with SIMPLE TLS");
        }
    }

    private static void CheckCipherSuites(FieldReader tls, GatewayTlsSettings settings, ImmutableArray<string> cipherSuites)
    {
        if (settings.MinProtocolVersion is GatewayTlsProtocol.Tls10 or GatewayTlsProtocol.Tls11 && cipherSuites.IsEmpty)
        {
            tls.Warning("minProtocolVersion", "TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.");
        }

        if (GatewayCipherSuites.Invalid(cipherSuites) is { Count: > 0 } invalid)
        {
            tls.Warning("cipherSuites", $"ignoring invalid cipher suites: [{string.Join(' ', invalid)}]");
        }

        if (GatewayCipherSuites.Duplicates(cipherSuites) is { Count: > 0 } duplicates)
        {
            tls.Warning("cipherSuites", $"ignoring duplicate cipher suites: [{string.Join(' ', duplicates)}]");
        }
    }

    /// <summary>ISTIO_MUTUAL takes the workload certificate of the mesh; every other certificate source is an error.</summary>
    private static void CheckIstioMutual(FieldReader tls, GatewayTlsSettings settings)
    {
        (string Field, bool Set, string What)[] sources =
        [
            ("serverCertificate", settings.ServerCertificate.Length > 0, "server certificate"),
            ("privateKey", settings.PrivateKey.Length > 0, "private key"),
            ("caCertificates", settings.CaCertificates.Length > 0, "CA bundle"),
            ("tlsCertificates", !settings.TlsCertificates.IsEmpty, "tlsCertificates"),
            ("credentialName", settings.CredentialName.Length > 0, "credentialName"),
            ("credentialNames", !settings.CredentialNames.IsEmpty, "credentialNames"),
        ];
        foreach (var (field, _, what) in sources.Where(s => s.Set))
        {
            tls.Error(field, $"ISTIO_MUTUAL TLS cannot have associated {what}");
        }
    }

    /// <summary>Without a credential, SIMPLE needs a certificate and key (each pair of <c>tlsCertificates</c> too); the mutual modes a client CA bundle.</summary>
    private static void CheckCertificateFiles(FieldReader tls, GatewayTlsSettings settings)
    {
        var prefix = settings.Mode == GatewayTlsMode.Simple ? "SIMPLE TLS" : "MUTUAL TLS";
        if (settings.Mode != GatewayTlsMode.Simple && settings.CaCertificates.Length == 0)
        {
            tls.Error("caCertificates", $"{prefix} requires a client CA bundle");
        }

        if (settings.TlsCertificates.Length > 2)
        {
            tls.Warning("tlsCertificates", $"{prefix} can support up to 2 server certificates");
        }

        List<(string Path, GatewayTlsCertificate Pair)> pairs = settings.TlsCertificates.IsEmpty
            ? [("", new GatewayTlsCertificate(settings.ServerCertificate, settings.PrivateKey))]
            : [.. settings.TlsCertificates.Select((c, i) => ($"tlsCertificates[{i}].", c))];
        foreach (var (path, pair) in pairs)
        {
            if (pair.ServerCertificate.Length == 0)
            {
                tls.Error(path + "serverCertificate", $"{prefix} requires a server certificate");
            }

            if (pair.PrivateKey.Length == 0)
            {
                tls.Error(path + "privateKey", $"{prefix} requires a private key");
            }
        }
    }

    /// <summary>Fields istiod accepts but does not apply when the server uses certificate files.</summary>
    private static void WarnAboutIgnoredClientChecks(FieldReader tls, GatewayTlsSettings settings)
    {
        const string OnlyWithCredential = "is ignored with certificate files, as istiod does: it is applied only together with credentialName";
        if (!settings.VerifyCertificateSpki.IsEmpty)
        {
            tls.Warning("verifyCertificateSpki", OnlyWithCredential);
        }

        if (!settings.VerifyCertificateHash.IsEmpty)
        {
            tls.Warning("verifyCertificateHash", OnlyWithCredential);
        }

        if (settings.Mode == GatewayTlsMode.Simple && !settings.SubjectAltNames.IsEmpty)
        {
            tls.Warning("subjectAltNames", "has no effect in SIMPLE mode, as in istiod: client certificates are not requested");
        }
    }

    private static bool HasCertificates(GatewayTlsSettings settings) =>
        settings.CaCrl.Length > 0 || settings.ServerCertificate.Length > 0 || settings.PrivateKey.Length > 0
        || settings.CaCertificates.Length > 0 || !settings.TlsCertificates.IsEmpty || settings.UsesCredential;

    private static int CertificateSources(GatewayTlsSettings settings) =>
        (settings.ServerCertificate.Length > 0 && settings.PrivateKey.Length > 0 ? 1 : 0)
        + (settings.CredentialName.Length > 0 ? 1 : 0)
        + (settings.CredentialNames.IsEmpty ? 0 : 1)
        + (settings.TlsCertificates.IsEmpty ? 0 : 1);
}
