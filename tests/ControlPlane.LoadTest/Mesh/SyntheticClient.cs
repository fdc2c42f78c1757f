namespace ControlPlane.LoadTest.Mesh;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>A client workload of the synthetic mesh: its pod, labels, address and the services its Sidecar lists.</summary>
internal sealed record SyntheticClient(int Index, string Pod, string Namespace, string Ip, ImmutableArray<int> Dependencies)
{
    public FrozenDictionary<string, string> Labels { get; } =
        FrozenDictionary.ToFrozenDictionary([new KeyValuePair<string, string>("app", Pod)], StringComparer.Ordinal);
}
