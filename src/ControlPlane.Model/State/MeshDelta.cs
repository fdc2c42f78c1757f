namespace ControlPlane.Model.State;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Services;

/// <summary>
/// A change from one source: upserts replace whole entries, removals name keys. A source sends only what changed; the
/// store derives the push from the delta, so a source that resends unchanged entries only costs a no-op comparison.
/// </summary>
public sealed record MeshDelta
{
    public static readonly MeshDelta Empty = new();

    public ImmutableArray<Service> UpsertedServices { get; init; } = [];

    public ImmutableArray<ServiceKey> RemovedServices { get; init; } = [];

    /// <summary>Replaces a service's endpoints; an empty list clears them.</summary>
    public ImmutableArray<ServiceEndpoints> UpsertedEndpoints { get; init; } = [];

    public ImmutableArray<IstioConfig> UpsertedConfigs { get; init; } = [];

    public ImmutableArray<ConfigKey> RemovedConfigs { get; init; } = [];

    public ImmutableArray<NamespaceInfo> UpsertedNamespaces { get; init; } = [];

    public ImmutableArray<string> RemovedNamespaces { get; init; } = [];

    public bool IsEmpty =>
        UpsertedServices.IsEmpty && RemovedServices.IsEmpty && UpsertedEndpoints.IsEmpty &&
        UpsertedConfigs.IsEmpty && RemovedConfigs.IsEmpty && UpsertedNamespaces.IsEmpty && RemovedNamespaces.IsEmpty;
}
