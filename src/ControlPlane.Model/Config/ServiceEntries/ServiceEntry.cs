namespace ControlPlane.Model.Config.ServiceEntries;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>networking.istio.io ServiceEntry. Converted into one <see cref="Service"/> per host.</summary>
public sealed record ServiceEntry : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.ServiceEntry;

    public ImmutableArray<string> Hosts { get; init; } = [];

    public ImmutableArray<string> Addresses { get; init; } = [];

    public ImmutableArray<ServicePort> Ports { get; init; } = [];

    public MeshLocation Location { get; init; } = MeshLocation.External;

    public Resolution Resolution { get; init; } = Resolution.Passthrough;

    public ImmutableArray<WorkloadEntrySpec> Endpoints { get; init; } = [];

    public WorkloadSelector? WorkloadSelector { get; init; }

    public ImmutableArray<string> ExportTo { get; init; } = [];

    public ImmutableArray<string> SubjectAltNames { get; init; } = [];
}
