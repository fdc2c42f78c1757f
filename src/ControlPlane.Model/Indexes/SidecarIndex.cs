namespace ControlPlane.Model.Indexes;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config.Sidecars;

/// <summary>
/// Sidecars by namespace. Selection follows istiod: a Sidecar whose workloadSelector matches the workload (oldest first),
/// else the namespace's selector-less Sidecar, else the root namespace's selector-less Sidecar, else none.
/// </summary>
public sealed class SidecarIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<Sidecar>> byNamespace;
    private readonly string rootNamespace;

    public SidecarIndex(IEnumerable<Sidecar> sidecars, string rootNamespace)
    {
        this.rootNamespace = rootNamespace;
        byNamespace = sidecars
            .GroupBy(s => s.Meta.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(s => s.Meta.CreationTimestamp).ThenBy(s => s.Meta.Name, StringComparer.Ordinal).ToImmutableArray(),
                StringComparer.Ordinal);
    }

    public Sidecar? Select(string workloadNamespace, IReadOnlyDictionary<string, string> workloadLabels)
    {
        var local = byNamespace.GetValueOrDefault(workloadNamespace, []);
        foreach (var sidecar in local)
        {
            if (sidecar.WorkloadSelector is { IsEmpty: false } selector && selector.Matches(workloadLabels))
            {
                return sidecar;
            }
        }

        return NamespaceDefault(workloadNamespace) ?? NamespaceDefault(rootNamespace);
    }

    private Sidecar? NamespaceDefault(string ns)
    {
        foreach (var sidecar in byNamespace.GetValueOrDefault(ns, []))
        {
            if (sidecar.WorkloadSelector is null || sidecar.WorkloadSelector.IsEmpty)
            {
                return sidecar;
            }
        }

        return null;
    }
}
