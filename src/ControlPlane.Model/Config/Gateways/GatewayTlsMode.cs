namespace ControlPlane.Model.Config.Gateways;

public enum GatewayTlsMode
{
    Passthrough,
    Simple,
    Mutual,
    AutoPassthrough,
    IstioMutual,
    OptionalMutual,
}
