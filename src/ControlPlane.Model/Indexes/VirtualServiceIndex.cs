namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>
/// The VirtualServices as served, with resolved hosts, in istiod's order (oldest first, then name, then namespace), split
/// by whether they bind to sidecars (<c>mesh</c>) or to gateways. Delegates (VirtualServices without hosts) are resolved
/// here, once per index: every lookup returns effective roots with the delegates' rules merged in
/// (<see cref="VirtualServiceDelegation"/>), and delegates themselves are never listed.
/// </summary>
public sealed class VirtualServiceIndex
{
    private readonly Dictionary<string, ImmutableArray<VirtualServiceEntry>> meshByExactHost;
    private readonly Dictionary<VirtualServiceEntry, int> meshOrder;

    /// <summary>
    /// Builds the index. With <paramref name="previous"/> (built under the same MeshConfig), an entry whose
    /// VirtualService is the same object and has no delegates is reused rather than resolved again: after one change,
    /// only that VirtualService (and roots with delegates) is resolved.
    /// </summary>
    public VirtualServiceIndex(IEnumerable<VirtualService> virtualServices, MeshConfig mesh, VirtualServiceIndex? previous = null)
    {
        var ordered = virtualServices
            .OrderBy(vs => vs.Meta.CreationTimestamp)
            .ThenBy(vs => vs.Meta.Name, StringComparer.Ordinal)
            .ThenBy(vs => vs.Meta.Namespace, StringComparer.Ordinal)
            .ToList();
        Configured = ordered.Count;
        var reusable = previous?.All.Where(e => e.Delegates.IsEmpty).ToDictionary<VirtualServiceEntry, VirtualService, VirtualServiceEntry>(e => e.Config, e => e, ReferenceEqualityComparer.Instance);
        All = [.. VirtualServiceDelegation.Resolve(ordered, mesh.DomainSuffix).Select(d =>
            d.Delegates.IsEmpty && reusable is not null && reusable.TryGetValue(d.Effective, out var entry) ? entry : Resolve(d, mesh))];
        Mesh = [.. All.Where(e => e.AppliesToMesh)];
        MeshWithWildcardHosts = [.. Mesh.Where(e => e.Hosts.Any(HostName.IsWildcard))];
        meshByExactHost = ByExactHost(Mesh);
        meshOrder = new Dictionary<VirtualServiceEntry, int>(Mesh.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Mesh.Length; i++)
        {
            meshOrder[Mesh[i]] = i;
        }
    }

    /// <summary>How many VirtualServices are configured, delegates included (what istiod's <c>pilot_virt_services</c> counts).</summary>
    public int Configured { get; }

    /// <summary>Every served VirtualService (mesh- and gateway-bound; delegates resolved into their roots, never listed).</summary>
    public ImmutableArray<VirtualServiceEntry> All { get; }

    /// <summary>The ones bound to sidecars.</summary>
    public ImmutableArray<VirtualServiceEntry> Mesh { get; }

    /// <summary>Mesh-bound VirtualServices with at least one wildcard host (they cannot be found by exact host).</summary>
    public ImmutableArray<VirtualServiceEntry> MeshWithWildcardHosts { get; }

    /// <summary>Mesh-bound VirtualServices naming exactly this host (wildcard ones are in <see cref="MeshWithWildcardHosts"/>).</summary>
    public ImmutableArray<VirtualServiceEntry> MeshWithExactHost(string host) => meshByExactHost.GetValueOrDefault(host, []);

    /// <summary>Position of a mesh-bound entry in precedence order, so subsets found through lookups can be re-sorted.</summary>
    public int MeshOrder(VirtualServiceEntry entry) => meshOrder[entry];

    /// <summary>
    /// The order in which sidecars in <paramref name="viewerNamespace"/> consider mesh-bound VirtualServices, and so which
    /// one wins a host several name (istiod's <c>SelectVirtualServices</c>): those private to the viewer's namespace
    /// first, then those exported to it by name, then public ones; each group in <see cref="MeshOrder"/>.
    /// </summary>
    public int SidecarPrecedence(VirtualServiceEntry entry, string viewerNamespace)
    {
        var group = entry.ExportTo.Public ? 2 : entry.Config.Meta.Namespace == viewerNamespace ? 0 : 1;
        return (group * Mesh.Length) + meshOrder[entry];
    }

    /// <summary>Mesh-bound VirtualServices visible from <paramref name="viewerNamespace"/> that name a host matching <paramref name="hostname"/>.</summary>
    /// <remarks>A concrete host is looked up (exact entries plus the wildcard ones), not scanned for; order is <see cref="SidecarPrecedence"/>.</remarks>
    public IEnumerable<VirtualServiceEntry> ForMeshHost(string hostname, string viewerNamespace)
    {
        IEnumerable<VirtualServiceEntry> candidates = HostName.IsWildcard(hostname)
            ? Mesh
            : MeshWithExactHost(hostname).Concat(MeshWithWildcardHosts).Distinct(ReferenceEqualityComparer.Instance).Cast<VirtualServiceEntry>();
        return candidates
            .Where(e => e.ExportTo.IsVisibleFrom(e.Config.Meta.Namespace, viewerNamespace) && e.Hosts.Any(h => HostName.Overlaps(h, hostname)))
            .OrderBy(e => SidecarPrecedence(e, viewerNamespace));
    }

    /// <summary>
    /// Entries by each of their non-wildcard hosts, in index order, each entry once per host. Plain dictionaries: the
    /// index is rebuilt on every VirtualService change, and freezing costs more than its lookups save.
    /// </summary>
    private static Dictionary<string, ImmutableArray<VirtualServiceEntry>> ByExactHost(ImmutableArray<VirtualServiceEntry> entries)
    {
        var builders = new Dictionary<string, ImmutableArray<VirtualServiceEntry>.Builder>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            foreach (var host in entry.Hosts)
            {
                if (HostName.IsWildcard(host))
                {
                    continue;
                }

                if (!builders.TryGetValue(host, out var list))
                {
                    builders[host] = list = ImmutableArray.CreateBuilder<VirtualServiceEntry>(1);
                }

                // An entry's hosts are added one after another, so a repeated host of the same entry is the last one.
                if (list.Count == 0 || !ReferenceEquals(list[^1], entry))
                {
                    list.Add(entry);
                }
            }
        }

        var byHost = new Dictionary<string, ImmutableArray<VirtualServiceEntry>>(builders.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (host, list) in builders)
        {
            byHost[host] = list.DrainToImmutable();
        }

        return byHost;
    }

    private static VirtualServiceEntry Resolve(DelegatedVirtualService delegated, MeshConfig mesh)
    {
        var vs = delegated.Effective;
        var ns = vs.Meta.Namespace;
        var hosts = vs.Hosts.Select(h => HostName.Resolve(h, ns, mesh.DomainSuffix)).ToImmutableArray();
        var gateways = vs.Gateways.IsDefaultOrEmpty ? [VirtualServiceEntry.MeshGateway] : GatewayNames.ResolveAll(vs.Gateways, ns);
        return new VirtualServiceEntry(vs, hosts, gateways, Visibility.Parse(vs.ExportTo)) { Delegates = delegated.Delegates };
    }
}
