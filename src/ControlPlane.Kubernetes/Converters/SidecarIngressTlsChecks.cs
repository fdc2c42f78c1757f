namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Services;

/// <summary>
/// Sidecar <c>ingress[].tls</c>: validated as istiod validates it, then ignored with a warning. istiod applies it only with
/// the experimental <c>ENABLE_TLS_ON_SIDECAR_INGRESS</c> flag (off by default), and terminating TLS needs the certificate
/// files delivered to Envoy over SDS, which is not done here yet.
/// </summary>
internal static class SidecarIngressTlsChecks
{
    private static readonly string[] Modes = ["PASSTHROUGH", "SIMPLE", "MUTUAL", "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL"];

    public static void Check(FieldReader ingress, FieldReader tls, Protocol protocol)
    {
        var mode = tls.OneOf("mode", Modes) ?? "PASSTHROUGH";
        if (tls.Strings("subjectAltNames").Length > 0)
        {
            tls.Error("subjectAltNames", "subjectAltNames is not supported in ingress tls");
        }

        if (tls.Bool("httpsRedirect") == true)
        {
            tls.Error("httpsRedirect", "httpsRedirect is not supported");
        }

        var remoteCredentials = (tls.String("credentialName") ?? "").Length > 0 || tls.Has("credentialNames");
        if ((tls.String("credentialName") ?? "").Length > 0)
        {
            tls.Error("credentialName", "credentialName is not currently supported");
        }

        if (tls.Raw("credentialNames") is not null)
        {
            tls.Error("credentialNames", "credentialNames is not currently supported");
        }

        if (tls.Raw("tlsCertificates") is not null)
        {
            tls.Error("tlsCertificates", "tlsCertificates is not currently supported");
        }

        if (mode is "ISTIO_MUTUAL" or "AUTO_PASSTHROUGH")
        {
            tls.Error("mode", $"cannot set mode to {mode} in sidecar ingress tls");
        }

        if (!protocol.IsTls())
        {
            ingress.Error("tls", "server cannot have TLS settings for non HTTPS/TLS ports");
        }

        if (!remoteCredentials)
        {
            CheckCertificates(tls, mode);
        }
        tls.Ignore("caCrl", "minProtocolVersion", "maxProtocolVersion", "cipherSuites", "verifyCertificateSpki", "verifyCertificateHash");
        ingress.Warning("tls", "is validated but not applied: istiod applies Sidecar ingress TLS only with ENABLE_TLS_ON_SIDECAR_INGRESS (off by default), and serving its certificate files to Envoy needs SDS, which this control plane does not do yet; the port is served without it");
    }

    /// <summary>
    /// <c>validateTLSOptions</c>: without named credentials, terminating modes need certificate files, mutual modes a
    /// client CA bundle too.
    /// </summary>
    private static void CheckCertificates(FieldReader tls, string mode)
    {
        var certificate = tls.String("serverCertificate") ?? "";
        var key = tls.String("privateKey") ?? "";
        var ca = tls.String("caCertificates") ?? "";
        if (mode is not ("SIMPLE" or "MUTUAL" or "OPTIONAL_MUTUAL"))
        {
            return;
        }

        if (certificate.Length == 0)
        {
            tls.Error("serverCertificate", $"{mode} TLS requires a server certificate");
        }

        if (key.Length == 0)
        {
            tls.Error("privateKey", $"{mode} TLS requires a private key");
        }

        if (mode != "SIMPLE" && ca.Length == 0)
        {
            tls.Error("caCertificates", $"{mode} TLS requires a client CA bundle");
        }
    }
}
