namespace ControlPlane.Model.Indexes;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>
/// DestinationRules by namespace, most specific host first. Lookup follows istiod: a rule in the proxy's namespace, else
/// one exported from the service's namespace, else one exported from the root namespace.
/// </summary>
public sealed class DestinationRuleIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<DestinationRuleEntry>> byNamespace;
    private readonly string rootNamespace;

    public DestinationRuleIndex(IEnumerable<DestinationRule> rules, MeshConfig mesh)
    {
        rootNamespace = mesh.RootNamespace;
        byNamespace = rules
            .Where(r => r.WorkloadSelector is null || r.WorkloadSelector.IsEmpty)
            .Select(r => new DestinationRuleEntry(r, HostName.Resolve(r.Host, r.Meta.Namespace, mesh.DomainSuffix), Visibility.Parse(r.ExportTo)))
            .GroupBy(e => e.Config.Meta.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(e => e.Host, Comparer<string>.Create(HostName.CompareSpecificity))
                      .ThenBy(e => e.Config.Meta.CreationTimestamp)
                      .ThenBy(e => e.Config.Meta.Name, StringComparer.Ordinal)
                      .ToImmutableArray(),
                StringComparer.Ordinal);
    }

    public IEnumerable<DestinationRuleEntry> All => byNamespace.Values.SelectMany(v => v);

    public DestinationRuleEntry? Find(string proxyNamespace, Service service)
    {
        return FindIn(proxyNamespace, service.Hostname, proxyNamespace, requireExport: false)
            ?? FindIn(service.Namespace, service.Hostname, proxyNamespace, requireExport: true)
            ?? FindIn(rootNamespace, service.Hostname, proxyNamespace, requireExport: true);
    }

    private DestinationRuleEntry? FindIn(string ns, string hostname, string viewerNamespace, bool requireExport)
    {
        if (!byNamespace.TryGetValue(ns, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (HostName.Matches(entry.Host, hostname)
                && (!requireExport || entry.ExportTo.IsVisibleFrom(ns, viewerNamespace)))
            {
                return entry;
            }
        }

        return null;
    }
}
