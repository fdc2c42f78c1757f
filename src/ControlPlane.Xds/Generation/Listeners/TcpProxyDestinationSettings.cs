namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Filters;

/// <summary>
/// What an outbound tcp_proxy takes from the DestinationRule of the service it forwards to, as istiod's
/// <c>buildOutboundNetworkFiltersWithSingleDestination</c> and <c>...WithWeightedClusters</c> read it:
/// <list type="bullet">
/// <item><c>idle_timeout</c> and <c>max_downstream_connection_duration</c> from the rule-level
/// <c>connectionPool.tcp</c> only (portLevelSettings and subsets are not read); without a rule idle timeout, the proxy's
/// <c>IDLE_TIMEOUT</c> metadata;</item>
/// <item>a source-IP <c>hash_policy</c> when the rule's <c>consistentHash.useSourceIp</c> is set, unless the routed
/// subset sets a load balancer of its own, which then decides alone (<c>maybeSetHashPolicy</c>);</item>
/// <item>the tunnel (<see cref="TcpProxyTunneling"/>).</item>
/// </list>
/// Weighted routes pass no subset and read the first destination's rule, since the settings live on the one filter.
/// </summary>
internal static class TcpProxyDestinationSettings
{
    /// <param name="subset">The routed subset; empty for the service itself and for weighted routes.</param>
    /// <param name="tunnel">False where istiod skips the tunnel (<c>tunnelingconfig.Skip</c>: AUTO_PASSTHROUGH chains).</param>
    public static TcpProxySettings For(GenerationContext context, Service? service, string subset, bool tunnel = true)
    {
        var rule = service is null ? null : context.Scope.DestinationRuleFor(service)?.Config;
        var pool = rule?.TrafficPolicy?.ConnectionPool;
        return new TcpProxySettings
        {
            IdleTimeout = pool?.TcpIdleTimeout ?? ProxyIdleTimeout.Of(context.Proxy),
            MaxDownstreamConnectionDuration = pool?.MaxConnectionDuration,
            HashBySourceIp = rule is not null && HashesBySourceIp(rule, subset),
            Tunneling = tunnel ? TcpProxyTunneling.For(rule, subset) : null,
        };
    }

    private static bool HashesBySourceIp(DestinationRule rule, string subset)
    {
        // A subset's load balancer replaces the rule's whole: a simple or non-source-IP hash there turns it off.
        if (rule.FindSubset(subset)?.TrafficPolicy?.LoadBalancer is { } subsetBalancer)
        {
            return subsetBalancer.ConsistentHash?.UseSourceIp ?? false;
        }

        return rule.TrafficPolicy?.LoadBalancer?.ConsistentHash?.UseSourceIp ?? false;
    }
}
