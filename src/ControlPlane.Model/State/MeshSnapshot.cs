namespace ControlPlane.Model.State;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>
/// Everything the sources currently say, merged. Immutable: the store swaps in a new one per change, sharing structure.
/// </summary>
public sealed record MeshSnapshot
{
    public static readonly MeshSnapshot Empty = new();

    /// <summary>Increases by one with every applied change.</summary>
    public long Version { get; init; }

    public ImmutableDictionary<ServiceKey, Service> Services { get; init; } = ImmutableDictionary<ServiceKey, Service>.Empty;

    public ImmutableDictionary<ServiceKey, ServiceEndpoints> Endpoints { get; init; } =
        ImmutableDictionary<ServiceKey, ServiceEndpoints>.Empty;

    public ImmutableDictionary<ConfigKey, IstioConfig> Configs { get; init; } = ImmutableDictionary<ConfigKey, IstioConfig>.Empty;

    /// <summary>Namespaces known to exist, with their labels.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Namespaces { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    public MeshConfig Mesh { get; init; } = MeshConfig.Default;
}
