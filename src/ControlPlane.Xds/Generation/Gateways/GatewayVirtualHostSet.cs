namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Route.V3;

/// <summary>
/// istiod's <c>vHostDedupMap</c> for one gateway route configuration: one virtual host per host name, routes appended as
/// further VirtualServices reach the host. Route lists keep the translated <see cref="Route"/> instances, so two hosts fed
/// by exactly the same translations can be recognised (by reference, as istiod compares pointers) and collapsed.
/// Mutable; owned by one build.
/// </summary>
internal sealed class GatewayVirtualHostSet
{
    private readonly Dictionary<string, Entry> hosts = new(StringComparer.Ordinal);

    public bool IsEmpty => hosts.Count == 0;

    public void Add(string host, int port, List<Route> routes, bool requireTls)
    {
        if (hosts.TryGetValue(host, out var existing))
        {
            existing.Routes.AddRange(routes);
            existing.RequireTls |= requireTls;
            return;
        }

        hosts[host] = new Entry(VirtualHostBuilder.Name(host, port), [.. routes]) { RequireTls = requireTls };
    }

    /// <summary>An <c>httpsRedirect</c> server host: its virtual host (created without routes if needed) requires TLS.</summary>
    public void RequireTls(string host, int port)
    {
        if (hosts.TryGetValue(host, out var existing))
        {
            existing.RequireTls = true;
            return;
        }

        hosts[host] = new Entry(VirtualHostBuilder.Name(host, port), []) { RequireTls = true };
    }

    /// <summary>
    /// <c>collapseDuplicateRoutes</c> (hosts in name order, the first keeps its name and gains the others' domains), then
    /// <c>SortVHostRoutes</c> per host (catch-alls last, otherwise in order) and virtual hosts sorted by name.
    /// </summary>
    public List<VirtualHost> Build()
    {
        var kept = new List<(Entry Entry, List<string> Domains)>();
        foreach (var (host, entry) in hosts.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var same = kept.FindIndex(k => k.Entry.RequireTls == entry.RequireTls && SameRoutes(k.Entry.Routes, entry.Routes));
            if (same >= 0)
            {
                kept[same].Domains.Add(host);
            }
            else
            {
                kept.Add((entry, [host]));
            }
        }

        return [.. kept.Select(k => ToVirtualHost(k.Entry, k.Domains)).OrderBy(v => v.Name, StringComparer.Ordinal)];
    }

    private static VirtualHost ToVirtualHost(Entry entry, List<string> domains)
    {
        var host = new VirtualHost { Name = entry.Name, IncludeRequestAttemptCount = true };
        if (entry.RequireTls)
        {
            host.RequireTls = VirtualHost.Types.TlsRequirementType.All;
        }

        host.Domains.AddRange(domains);
        host.Routes.AddRange(entry.Routes.Where(r => !RouteMatchBuilder.IsCatchAll(r.Match)));
        host.Routes.AddRange(entry.Routes.Where(r => RouteMatchBuilder.IsCatchAll(r.Match)));
        return host;
    }

    private static bool SameRoutes(List<Route> a, List<Route> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => ReferenceEquals(pair.First, pair.Second));

    private sealed class Entry(string name, List<Route> routes)
    {
        public string Name { get; } = name;

        public List<Route> Routes { get; } = routes;

        public bool RequireTls { get; set; }
    }
}
