namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>Client-side TLS towards the destination.</summary>
public sealed record ClientTlsSettings(ClientTlsMode Mode)
{
    public string Sni { get; init; } = "";

    public ImmutableArray<string> SubjectAltNames { get; init; } = [];

    public string CredentialName { get; init; } = "";
}
