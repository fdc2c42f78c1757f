namespace ControlPlane.LoadTest.Mesh;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>
/// A client proxy of the synthetic mesh: its workload (whose Sidecar lists the services it depends on), pod, labels and
/// address. Replicas of one workload differ only in pod and address.
/// </summary>
internal sealed record SyntheticClient(int Index, string Workload, string Pod, string Namespace, string Ip, ImmutableArray<int> Dependencies)
{
    public FrozenDictionary<string, string> Labels { get; } =
        FrozenDictionary.ToFrozenDictionary([new KeyValuePair<string, string>("app", Workload)], StringComparer.Ordinal);
}
