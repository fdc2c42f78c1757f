namespace ControlPlane.Model.Indexes;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>
/// VirtualServices with resolved hosts, in istiod's precedence order (oldest first, then namespace/name), split by whether
/// they bind to sidecars (<c>mesh</c>) or to gateways.
/// </summary>
public sealed class VirtualServiceIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<VirtualServiceEntry>> meshByExactHost;
    private readonly FrozenDictionary<VirtualServiceEntry, int> meshOrder;

    public VirtualServiceIndex(IEnumerable<VirtualService> virtualServices, MeshConfig mesh)
    {
        All = [.. virtualServices
            .OrderBy(vs => vs.Meta.CreationTimestamp)
            .ThenBy(vs => vs.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(vs => vs.Meta.Name, StringComparer.Ordinal)
            .Select(vs => Resolve(vs, mesh))];
        Mesh = [.. All.Where(e => e.AppliesToMesh)];
        MeshWithWildcardHosts = [.. Mesh.Where(e => e.Hosts.Any(HostName.IsWildcard))];
        meshByExactHost = Mesh
            .SelectMany(e => e.Hosts.Where(h => !HostName.IsWildcard(h)).Distinct(StringComparer.OrdinalIgnoreCase).Select(h => (Host: h, Entry: e)))
            .GroupBy(x => x.Host, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Entry).ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        meshOrder = Mesh.Select((e, i) => (Entry: e, Index: i))
            .ToFrozenDictionary<(VirtualServiceEntry Entry, int Index), VirtualServiceEntry, int>(x => x.Entry, x => x.Index, ReferenceEqualityComparer.Instance);
    }

    public ImmutableArray<VirtualServiceEntry> All { get; }

    /// <summary>The ones bound to sidecars.</summary>
    public ImmutableArray<VirtualServiceEntry> Mesh { get; }

    /// <summary>Mesh-bound VirtualServices with at least one wildcard host (they cannot be found by exact host).</summary>
    public ImmutableArray<VirtualServiceEntry> MeshWithWildcardHosts { get; }

    /// <summary>Mesh-bound VirtualServices naming exactly this host (wildcard ones are in <see cref="MeshWithWildcardHosts"/>).</summary>
    public ImmutableArray<VirtualServiceEntry> MeshWithExactHost(string host) => meshByExactHost.GetValueOrDefault(host, []);

    /// <summary>Position of a mesh-bound entry in precedence order, so subsets found through lookups can be re-sorted.</summary>
    public int MeshOrder(VirtualServiceEntry entry) => meshOrder[entry];

    /// <summary>Mesh-bound VirtualServices visible from <paramref name="viewerNamespace"/> that name a host matching <paramref name="hostname"/>.</summary>
    /// <remarks>A concrete host is looked up (exact entries plus the wildcard ones), not scanned for; order stays precedence order.</remarks>
    public IEnumerable<VirtualServiceEntry> ForMeshHost(string hostname, string viewerNamespace)
    {
        IEnumerable<VirtualServiceEntry> candidates = HostName.IsWildcard(hostname)
            ? Mesh
            : MeshWithExactHost(hostname).Concat(MeshWithWildcardHosts).Distinct(ReferenceEqualityComparer.Instance).Cast<VirtualServiceEntry>().OrderBy(MeshOrder);
        return candidates.Where(e => e.ExportTo.IsVisibleFrom(e.Config.Meta.Namespace, viewerNamespace)
                                     && e.Hosts.Any(h => HostName.Overlaps(h, hostname)));
    }

    private static VirtualServiceEntry Resolve(VirtualService vs, MeshConfig mesh)
    {
        var ns = vs.Meta.Namespace;
        var hosts = vs.Hosts.Select(h => HostName.Resolve(h, ns, mesh.DomainSuffix)).ToImmutableArray();
        var gateways = vs.Gateways.IsDefaultOrEmpty
            ? [VirtualServiceEntry.MeshGateway]
            : vs.Gateways.Select(g => g == VirtualServiceEntry.MeshGateway || g.Contains('/', StringComparison.Ordinal) ? g : $"{ns}/{g}")
                .ToImmutableArray();
        return new VirtualServiceEntry(vs, hosts, gateways, Visibility.Parse(vs.ExportTo));
    }
}
