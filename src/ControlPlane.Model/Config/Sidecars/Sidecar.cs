namespace ControlPlane.Model.Config.Sidecars;

using System.Collections.Immutable;

/// <summary>networking.istio.io Sidecar: what a workload's proxy sees and how it listens.</summary>
public sealed record Sidecar : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.Sidecar;

    /// <summary>Null selects every workload of the namespace (the namespace default; at most one per namespace).</summary>
    public WorkloadSelector? WorkloadSelector { get; init; }

    public ImmutableArray<SidecarEgressListener> Egress { get; init; } = [];

    public ImmutableArray<SidecarIngressListener> Ingress { get; init; } = [];

    public OutboundTrafficPolicyMode? OutboundTrafficPolicy { get; init; }
}
