namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// The DestinationRule settings gRPC clients are given for one cluster (load balancing, connection pool), merged as
/// istiod does (<c>MergeSubsetTrafficPolicy</c>): the rule's top-level policy, overridden by its <c>portLevelSettings</c>
/// for the port, overridden by the subset's policy and then the subset's own port-level settings. Each setting block is
/// replaced whole, never field by field.
/// </summary>
internal sealed record EffectiveTrafficPolicy(LoadBalancerSettings? LoadBalancer, ConnectionPoolSettings? ConnectionPool)
{
    public static readonly EffectiveTrafficPolicy None = new(null, null);

    public static EffectiveTrafficPolicy Resolve(DestinationRule? rule, int port, string subsetName)
    {
        if (rule is null)
        {
            return None;
        }

        var merged = None.Overlay(rule.TrafficPolicy, port);
        var subset = subsetName.Length == 0 ? null : rule.FindSubset(subsetName);
        return merged.Overlay(subset?.TrafficPolicy, port);
    }

    private EffectiveTrafficPolicy Overlay(TrafficPolicy? policy, int port)
    {
        if (policy is null)
        {
            return this;
        }

        var result = new EffectiveTrafficPolicy(policy.LoadBalancer ?? LoadBalancer, policy.ConnectionPool ?? ConnectionPool);
        foreach (var portPolicy in policy.PortLevelSettings)
        {
            if (portPolicy.Port == port)
            {
                return new EffectiveTrafficPolicy(
                    portPolicy.LoadBalancer ?? result.LoadBalancer,
                    portPolicy.ConnectionPool ?? result.ConnectionPool);
            }
        }

        return result;
    }
}
