namespace ControlPlane.Model.Config.Gateways;

public sealed record GatewayTlsSettings(GatewayTlsMode Mode)
{
    public bool HttpsRedirect { get; init; }

    public string CredentialName { get; init; } = "";
}
