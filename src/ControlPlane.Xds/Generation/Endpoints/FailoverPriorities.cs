namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;
using Envoy.Config.Endpoint.V3;
using Endpoint = ControlPlane.Model.Services.Endpoint;

/// <summary>
/// istiod's <c>applyFailoverPriorities</c>: ranks each endpoint by how many of the ordered <c>failoverPriority</c> labels
/// it shares with the proxy (matching all = 0, failing the first = N), splits every locality group by rank, and compacts
/// the ranks to 0..N. An entry <c>key=value</c> compares endpoints with that value instead of the proxy's.
/// </summary>
internal static class FailoverPriorities
{
    public static void Apply(
        ClusterLoadAssignment assignment,
        IReadOnlyList<IReadOnlyList<Endpoint>>? groupEndpoints,
        ImmutableArray<string> priorities,
        ProxyPriorityLabels? proxyValues)
    {
        if (proxyValues is null || groupEndpoints is null || groupEndpoints.Count == 0)
        {
            return;
        }

        var keys = priorities.Select(KeyOf).ToArray();
        var split = new List<LocalityLbEndpoints>();
        for (var i = 0; i < assignment.Endpoints.Count; i++)
        {
            split.AddRange(SplitGroup(assignment.Endpoints[i], groupEndpoints[i], keys, proxyValues.Values));
        }

        LocalityLoadBalancer.Compact(split);
        assignment.Endpoints.Clear();
        assignment.Endpoints.AddRange(split);
    }

    /// <summary>The label key of a <c>failoverPriority</c> entry (before any <c>=value</c> override).</summary>
    public static string KeyOf(string priority)
    {
        var equals = priority.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? priority : priority[..equals];
    }

    /// <summary>The override value of an entry, or null when it compares with the proxy's own label.</summary>
    public static string? OverrideOf(string priority)
    {
        var parts = priority.Split('=');
        return parts.Length == 2 ? parts[1] : null;
    }

    private static IEnumerable<LocalityLbEndpoints> SplitGroup(
        LocalityLbEndpoints group, IReadOnlyList<Endpoint> endpoints, string[] keys, ImmutableArray<string> proxyValues)
    {
        var byPriority = new SortedDictionary<int, List<LbEndpoint>>();
        for (var i = 0; i < endpoints.Count; i++)
        {
            var priority = 0;
            for (var j = 0; j < keys.Length; j++)
            {
                if (proxyValues[j] != EndpointTopology.Label(endpoints[i], keys[j]))
                {
                    priority = keys.Length - j;
                    break;
                }
            }

            if (!byPriority.TryGetValue(priority, out var members))
            {
                members = [];
                byPriority[priority] = members;
            }

            members.Add(group.LbEndpoints[i]);
        }

        foreach (var (priority, members) in byPriority)
        {
            var part = new LocalityLbEndpoints { Locality = group.Locality?.Clone(), Priority = (uint)priority };
            part.LbEndpoints.AddRange(members);
            uint weight = 0;
            foreach (var member in members)
            {
                weight = unchecked(weight + (member.LoadBalancingWeight ?? 0));
            }

            part.LoadBalancingWeight = weight;
            yield return part;
        }
    }
}
