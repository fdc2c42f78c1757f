namespace ControlPlane.Model.Config.Sidecars;

using ControlPlane.Model.Config.DestinationRules;

/// <summary>An ingress entry: where the sidecar listens for a workload port and where it forwards.</summary>
public sealed record SidecarIngressListener(SidecarPort Port)
{
    /// <summary>The IP to listen on; empty = the workload's first global unicast IP, or the wildcard.</summary>
    public string Bind { get; init; } = "";

    public CaptureMode CaptureMode { get; init; } = CaptureMode.Default;

    /// <summary><c>127.0.0.1:PORT</c>, <c>0.0.0.0:PORT</c> (the workload IP), <c>[::1]:PORT</c>, <c>[::]:PORT</c> or <c>unix://path</c>; empty = the original destination.</summary>
    public string DefaultEndpoint { get; init; } = "";

    public ConnectionPoolSettings? ConnectionPool { get; init; }
}
