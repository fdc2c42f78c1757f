namespace ControlPlane.Model.Services;

/// <summary>A port a service exposes. <see cref="TargetPort"/> is the workload port when it is a number (0 = same as Port).</summary>
public sealed record ServicePort(string Name, int Port, Protocol Protocol, int TargetPort = 0)
{
    /// <summary>The named target port (Kubernetes <c>targetPort: http</c>), resolved per endpoint by the source.</summary>
    public string? TargetPortName { get; init; }
}
