namespace ControlPlane.Model.Config.ServiceEntries;

/// <summary>networking.istio.io WorkloadEntry: a non-Kubernetes workload.</summary>
public sealed record WorkloadEntry : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.WorkloadEntry;

    public required WorkloadEntrySpec Spec { get; init; }
}
