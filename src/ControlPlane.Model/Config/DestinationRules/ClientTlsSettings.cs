namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>
/// Client-side TLS towards the destination. The file paths name files inside the sidecar's pod: its pilot-agent serves
/// them to Envoy over its local SDS, so they need nothing from the control plane.
/// </summary>
public sealed record ClientTlsSettings(ClientTlsMode Mode)
{
    public string Sni { get; init; } = "";

    public ImmutableArray<string> SubjectAltNames { get; init; } = [];

    public string CredentialName { get; init; } = "";

    public string ClientCertificate { get; init; } = "";

    public string PrivateKey { get; init; } = "";

    public string CaCertificates { get; init; } = "";

    public string CaCrl { get; init; } = "";

    public bool InsecureSkipVerify { get; init; }
}
