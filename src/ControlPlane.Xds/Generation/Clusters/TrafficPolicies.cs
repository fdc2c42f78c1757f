namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// Resolves which DestinationRule settings apply to one port and subset, exactly as istiod's
/// <c>GetPortLevelTrafficPolicy</c> and <c>MergeSubsetTrafficPolicy</c> do.
/// </summary>
internal static class TrafficPolicies
{
    /// <summary>
    /// A matching <c>portLevelSettings</c> entry replaces the whole policy: per the API, port-level settings do not inherit
    /// from the top level, omitted fields fall back to istiod's defaults. That includes the rule's proxyProtocol, tunnel
    /// and retryBudget, which istiod's <c>shadowCopyPortTrafficPolicy</c> leaves out too.
    /// </summary>
    public static TrafficPolicy? ForPort(TrafficPolicy? policy, int port) => ForPort(policy, port, out _);

    /// <summary>The rule's port-resolved policy with the subset's (port-resolved) components laid over it.</summary>
    public static TrafficPolicy? ForSubset(TrafficPolicy? rulePolicy, TrafficPolicy? subsetPolicy, int port)
    {
        var original = ForPort(rulePolicy, port);
        if (subsetPolicy is null)
        {
            return original;
        }

        var subset = ForPort(subsetPolicy, port, out var hasPortLevel)!;
        if (original is null)
        {
            return subset;
        }

        // A subset port-level entry replaces every per-port component, set or not (mergeTrafficPolicy's hasPortLevel);
        // the policy-only components (which a port-level entry cannot carry) are taken from the subset only when set.
        return new TrafficPolicy
        {
            ConnectionPool = subset.ConnectionPool is not null || hasPortLevel ? subset.ConnectionPool : original.ConnectionPool,
            OutlierDetection = subset.OutlierDetection is not null || hasPortLevel ? subset.OutlierDetection : original.OutlierDetection,
            LoadBalancer = subset.LoadBalancer is not null || hasPortLevel ? subset.LoadBalancer : original.LoadBalancer,
            Tls = subset.Tls is not null || hasPortLevel ? subset.Tls : original.Tls,
            Tunnel = subset.Tunnel ?? original.Tunnel,
            ProxyProtocol = subset.ProxyProtocol ?? original.ProxyProtocol,
            RetryBudget = subset.RetryBudget ?? original.RetryBudget,
        };
    }

    private static TrafficPolicy? ForPort(TrafficPolicy? policy, int port, out bool hasPortLevel)
    {
        hasPortLevel = false;
        if (policy is null)
        {
            return null;
        }

        foreach (var portPolicy in policy.PortLevelSettings)
        {
            if (portPolicy.Port == port)
            {
                hasPortLevel = true;
                return new TrafficPolicy
                {
                    ConnectionPool = portPolicy.ConnectionPool,
                    LoadBalancer = portPolicy.LoadBalancer,
                    OutlierDetection = portPolicy.OutlierDetection,
                    Tls = portPolicy.Tls,
                };
            }
        }

        return policy;
    }
}
