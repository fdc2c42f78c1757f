namespace ControlPlane.Model.Services;

using System.Collections.Frozen;

/// <summary>
/// One workload address serving one service port: an EndpointSlice entry joined with its Pod, a ServiceEntry inline
/// endpoint, or a WorkloadEntry. <see cref="ServicePortName"/> ties it to the service port; <see cref="Port"/> is the port
/// the workload listens on.
/// </summary>
public sealed record Endpoint
{
    public required string Address { get; init; }

    public required int Port { get; init; }

    /// <summary>Name of the service port this endpoint serves (Kubernetes EndpointSlice port name; may be empty).</summary>
    public required string ServicePortName { get; init; }

    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public Locality Locality { get; init; } = Locality.Unknown;

    /// <summary>Load-balancing weight (≥ 1).</summary>
    public int Weight { get; init; } = 1;

    public HealthStatus Health { get; init; } = HealthStatus.Healthy;

    public string ServiceAccount { get; init; } = "";

    /// <summary>Name of the workload (pod or WorkloadEntry name), for telemetry metadata.</summary>
    public string WorkloadName { get; init; } = "";

    public string Namespace { get; init; } = "";

    /// <summary>Whether the workload runs a sidecar that speaks Istio mTLS (label <c>security.istio.io/tlsMode=istio</c>).</summary>
    public bool IstioMutualTls { get; init; }
}
