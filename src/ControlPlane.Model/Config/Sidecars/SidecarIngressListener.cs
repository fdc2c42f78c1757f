namespace ControlPlane.Model.Config.Sidecars;

/// <summary>An ingress entry: where the sidecar listens for a workload port and where it forwards.</summary>
public sealed record SidecarIngressListener(SidecarPort Port)
{
    public string Bind { get; init; } = "";

    public CaptureMode CaptureMode { get; init; } = CaptureMode.Default;

    public string DefaultEndpoint { get; init; } = "";
}
