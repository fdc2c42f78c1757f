namespace ControlPlane.Model.Config.Sidecars;

public enum CaptureMode
{
    Default,
    IpTables,
    None,
}
