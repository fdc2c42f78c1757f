namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Hosts;

/// <summary>
/// Host matching between Gateway servers (hosts possibly written <c>namespace/host</c>) and VirtualServices, as istiod's
/// <c>host.Names</c> helpers and <c>pickMatchingGatewayHosts</c> do it.
/// </summary>
internal static class GatewayHosts
{
    public static string WithoutNamespace(string host)
    {
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? host : host[(slash + 1)..];
    }

    /// <summary>
    /// <c>host.NamesForNamespace</c>: the server hosts a VirtualService in <paramref name="virtualServiceNamespace"/> may
    /// bind to: unqualified ones, <c>*/host</c>, and <c>namespace/host</c> for its own namespace.
    /// </summary>
    public static List<string> ForNamespace(IEnumerable<string> serverHosts, string virtualServiceNamespace)
    {
        var result = new List<string>();
        foreach (var host in serverHosts)
        {
            var slash = host.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                result.Add(host);
            }
            else if (host[..slash] is var ns && (ns == "*" || ns == virtualServiceNamespace))
            {
                result.Add(host[(slash + 1)..]);
            }
        }

        return result;
    }

    /// <summary>
    /// <c>Names.Intersection</c>: for each pair where one side covers the other, the narrower one; first occurrence order,
    /// no duplicates. A server <c>*</c> and a VirtualService host <c>a.example.com</c> give <c>a.example.com</c>.
    /// </summary>
    public static List<string> Intersection(IEnumerable<string> serverHosts, IReadOnlyList<string> virtualServiceHosts)
    {
        var result = new List<string>();
        foreach (var serverHost in serverHosts)
        {
            foreach (var vsHost in virtualServiceHosts)
            {
                var narrower = HostName.Matches(vsHost, serverHost) ? serverHost
                    : HostName.Matches(serverHost, vsHost) ? vsHost
                    : null;
                if (narrower is not null && !result.Contains(narrower, StringComparer.Ordinal))
                {
                    result.Add(narrower);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// <c>pickMatchingGatewayHosts</c>, reduced to the question TCP and TLS routing asks: does any VirtualService host match a
    /// server host (in either direction), honouring a server host's namespace part.
    /// </summary>
    public static bool AnyMatch(IEnumerable<string> serverHosts, IReadOnlyList<string> virtualServiceHosts, string virtualServiceNamespace) =>
        ForNamespace(serverHosts, virtualServiceNamespace).Any(serverHost => virtualServiceHosts.Any(vsHost => HostName.Overlaps(serverHost, vsHost)));

    /// <summary>
    /// <c>CheckDuplicates</c>: the hosts already known on this port with the same bind. When there are none, every host is
    /// recorded as known with <paramref name="bind"/>.
    /// </summary>
    public static List<string> CheckDuplicates(IEnumerable<string> hosts, string bind, Dictionary<string, string> known)
    {
        var list = hosts.ToList();
        var duplicates = list.Where(h => known.TryGetValue(h, out var existing) && existing == bind).ToList();
        if (duplicates.Count == 0)
        {
            foreach (var host in list)
            {
                known[host] = bind;
            }
        }

        return duplicates;
    }
}
