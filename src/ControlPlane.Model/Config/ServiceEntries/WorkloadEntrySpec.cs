namespace ControlPlane.Model.Config.ServiceEntries;

using System.Collections.Frozen;

/// <summary>A WorkloadEntry's spec (also a ServiceEntry inline endpoint). Ports map service port names to workload ports.</summary>
public sealed record WorkloadEntrySpec
{
    public required string Address { get; init; }

    public FrozenDictionary<string, int> Ports { get; init; } = FrozenDictionary<string, int>.Empty;

    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string Network { get; init; } = "";

    public string Locality { get; init; } = "";

    public int Weight { get; init; }

    public string ServiceAccount { get; init; } = "";
}
