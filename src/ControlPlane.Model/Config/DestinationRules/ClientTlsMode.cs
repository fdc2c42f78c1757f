namespace ControlPlane.Model.Config.DestinationRules;

public enum ClientTlsMode
{
    Disable,
    Simple,
    Mutual,
    IstioMutual,
}
