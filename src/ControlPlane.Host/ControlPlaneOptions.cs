namespace ControlPlane.Host;

/// <summary>Command-line options of <c>serve</c>, validated before the host is built.</summary>
public sealed record ControlPlaneOptions
{
    public const int DefaultXdsPort = 15010;
    public const int DefaultMonitoringPort = 15014;

    /// <summary>The YAML directory to serve; null means the embedded samples.</summary>
    public string? ConfigDirectory { get; init; }

    public int XdsPort { get; init; } = DefaultXdsPort;

    public int MonitoringPort { get; init; } = DefaultMonitoringPort;

    /// <summary>Address both ports bind to. Tests use 127.0.0.1; a pod listens on every interface.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";
}
