namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Endpoint.V3;
using Endpoint = ControlPlane.Model.Services.Endpoint;
using Locality = ControlPlane.Model.Services.Locality;

/// <summary>
/// istiod's <c>ApplyLocalityLoadBalancer</c> (<c>networking/core/loadbalancer</c>): rewrites an assignment relative to
/// the calling proxy. <c>distribute</c> replaces locality weights; otherwise, when failover is enabled (the cluster has
/// outlier detection, without which Envoy never leaves priority 0), <c>failoverPriority</c> labels and then region
/// proximity (<c>failover</c>) set priorities, compacted to 0..N. Mutates the assignment it is given, which must be
/// freshly built and not yet shared.
/// </summary>
internal static class LocalityLoadBalancer
{
    /// <param name="groupEndpoints">The model endpoints of each locality group, in assignment order; null for inline DNS
    /// endpoints, where istiod applies no label priorities.</param>
    public static void Apply(
        ClusterLoadAssignment assignment,
        IReadOnlyList<IReadOnlyList<Endpoint>>? groupEndpoints,
        LocalityLbSetting setting,
        bool enableFailover,
        Locality proxyLocality,
        ProxyPriorityLabels? priorityLabels)
    {
        if (!setting.Distribute.IsEmpty)
        {
            ApplyWeights(assignment, setting.Distribute, proxyLocality);
        }
        else if (enableFailover)
        {
            if (!setting.FailoverPriority.IsEmpty)
            {
                FailoverPriorities.Apply(assignment, groupEndpoints, setting.FailoverPriority, priorityLabels);
                if (!setting.Failover.IsEmpty)
                {
                    ApplyFailover(assignment, setting.Failover, proxyLocality);
                }
            }
            else
            {
                ApplyFailover(assignment, setting.Failover, proxyLocality);
            }
        }
    }

    /// <summary>
    /// <c>applyLocalityWeights</c>: the first <c>distribute</c> entry whose <c>from</c> matches the proxy shares each
    /// destination's weight among the groups it matches (in proportion to their own weights, rounded up); groups no
    /// destination matches lose their endpoints.
    /// </summary>
    private static void ApplyWeights(ClusterLoadAssignment assignment, IEnumerable<LocalityDistribution> distribute, Locality proxyLocality)
    {
        var rule = distribute.FirstOrDefault(d => LocalityMatching.Matches(proxyLocality, d.From));
        if (rule is null)
        {
            return;
        }

        var unmatched = new HashSet<int>(Enumerable.Range(0, assignment.Endpoints.Count));
        foreach (var destination in rule.To)
        {
            var matched = new List<(int Index, uint Weight)>();
            uint total = 0;
            foreach (var index in unmatched.Order())
            {
                var group = assignment.Endpoints[index];
                if (LocalityMatching.Matches(LocalityMatching.Of(group), destination.Locality))
                {
                    var weight = group.LoadBalancingWeight ?? 1;
                    matched.Add((index, weight));
                    total = unchecked(total + weight);
                }
            }

            foreach (var (index, original) in matched)
            {
                unmatched.Remove(index);

                // istiod multiplies in 32 bits before dividing; kept so that weights match it exactly.
                var share = (double)unchecked(original * destination.Weight) / total;
                if (share > 0)
                {
                    assignment.Endpoints[index].LoadBalancingWeight = (uint)Math.Ceiling(share);
                }
            }
        }

        foreach (var index in unmatched)
        {
            assignment.Endpoints[index].LbEndpoints.Clear();
        }
    }

    /// <summary>
    /// <c>applyLocalityFailover</c>: 0 same subzone, 1 same zone, 2 same region, 3 another region, 4 a region that is not
    /// the configured failover target of the proxy's region; added on top of label priorities (×5), then compacted.
    /// </summary>
    private static void ApplyFailover(ClusterLoadAssignment assignment, IReadOnlyCollection<LocalityFailover> failover, Locality proxyLocality)
    {
        for (var i = 0; i < assignment.Endpoints.Count; i++)
        {
            var group = assignment.Endpoints[i];
            var locality = LocalityMatching.Of(group);
            var priority = LocalityMatching.Priority(proxyLocality, locality);
            if (priority == 3 && failover.FirstOrDefault(f => f.From == proxyLocality.Region) is { } target && locality.Region != target.To)
            {
                priority = 4;
            }

            group.Priority = (group.Priority * 5) + (uint)priority;
        }

        Compact(assignment.Endpoints);
    }

    /// <summary>Envoy needs priorities 0..N without gaps: renumber the distinct values in ascending order.</summary>
    public static void Compact(IList<LocalityLbEndpoints> groups)
    {
        var ranks = groups.Select(g => g.Priority).Distinct().Order().Select((p, rank) => (p, rank)).ToDictionary(x => x.p, x => (uint)x.rank);
        foreach (var group in groups)
        {
            group.Priority = ranks[group.Priority];
        }
    }
}
