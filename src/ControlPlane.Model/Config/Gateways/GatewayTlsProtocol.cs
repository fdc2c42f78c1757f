namespace ControlPlane.Model.Config.Gateways;

/// <summary>
/// <c>ServerTLSSettings.TLSProtocol</c>; the values line up one to one with Envoy's <c>TlsParameters.TlsProtocol</c>, as
/// istiod's <c>convertTLSProtocol</c> relies on. <see cref="Auto"/> leaves Envoy's default.
/// </summary>
public enum GatewayTlsProtocol
{
    Auto,
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}
