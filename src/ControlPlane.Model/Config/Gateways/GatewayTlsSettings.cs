namespace ControlPlane.Model.Config.Gateways;

using System.Collections.Immutable;

/// <summary>
/// A Gateway server's <c>tls</c> (istio.io ServerTLSSettings). Certificate paths are files in the gateway pod, served to
/// Envoy by the pod's own agent; <see cref="CredentialName"/>/<see cref="CredentialNames"/> name Kubernetes secrets the
/// control plane would have to deliver. <see cref="CipherSuites"/> holds only the suites Envoy accepts, each once (the
/// converter drops the others, as istiod's <c>FilterCipherSuites</c> does).
/// </summary>
public sealed record GatewayTlsSettings(GatewayTlsMode Mode)
{
    public bool HttpsRedirect { get; init; }

    public string CredentialName { get; init; } = "";

    public ImmutableArray<string> CredentialNames { get; init; } = [];

    public string ServerCertificate { get; init; } = "";

    public string PrivateKey { get; init; } = "";

    /// <summary>Several certificate/key pairs (RSA and ECDSA), used instead of <see cref="ServerCertificate"/>/<see cref="PrivateKey"/>.</summary>
    public ImmutableArray<GatewayTlsCertificate> TlsCertificates { get; init; } = [];

    public string CaCertificates { get; init; } = "";

    public string CaCrl { get; init; } = "";

    public ImmutableArray<string> SubjectAltNames { get; init; } = [];

    public ImmutableArray<string> VerifyCertificateSpki { get; init; } = [];

    public ImmutableArray<string> VerifyCertificateHash { get; init; } = [];

    public GatewayTlsProtocol MinProtocolVersion { get; init; }

    public GatewayTlsProtocol MaxProtocolVersion { get; init; }

    public ImmutableArray<string> CipherSuites { get; init; } = [];

    /// <summary>The certificate comes from a Kubernetes secret (<c>credentialName</c> or <c>credentialNames</c>).</summary>
    public bool UsesCredential => CredentialName.Length > 0 || !CredentialNames.IsDefaultOrEmpty;
}
