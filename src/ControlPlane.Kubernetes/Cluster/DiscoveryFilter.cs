namespace ControlPlane.Kubernetes.Cluster;

using System.Collections.Frozen;
using k8s.Models;

/// <summary>
/// Which namespaces the mesh discovers, from MeshConfig <c>discoverySelectors</c> as istiod applies them: with no
/// selectors, every namespace; otherwise a namespace whose labels match any selector, plus the control plane's own
/// namespace, which always holds mesh-wide config. Immutable; built per rebuild from the namespace snapshot.
/// </summary>
internal sealed class DiscoveryFilter
{
    private readonly FrozenSet<string>? selected;

    private DiscoveryFilter(FrozenSet<string>? selected) => this.selected = selected;

    public static DiscoveryFilter Create(IReadOnlyList<NamespaceSelector> selectors, IEnumerable<V1Namespace> namespaces, string systemNamespace)
    {
        if (selectors.Count == 0)
        {
            return new DiscoveryFilter(null);
        }

        var empty = new Dictionary<string, string>();
        var names = namespaces
            .Where(ns => selectors.Any(s => s.Matches((IReadOnlyDictionary<string, string>?)ns.Metadata?.Labels?.AsReadOnly() ?? empty)))
            .Select(ns => ns.Metadata!.Name)
            .Append(systemNamespace);
        return new DiscoveryFilter(names.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Whether objects of <paramref name="ns"/> are discovered; cluster-scoped objects (empty namespace) always are.</summary>
    public bool Includes(string ns) => selected is null || ns.Length == 0 || selected.Contains(ns);
}
