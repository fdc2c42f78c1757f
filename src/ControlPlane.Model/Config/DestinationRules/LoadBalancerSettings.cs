namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>loadBalancer: a simple policy or a consistent hash.</summary>
public sealed record LoadBalancerSettings(SimpleLoadBalancer Simple)
{
    public ConsistentHashSettings? ConsistentHash { get; init; }
}
