namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>loadBalancer: a simple policy or a consistent hash.</summary>
public sealed record LoadBalancerSettings(SimpleLoadBalancer Simple)
{
    public ConsistentHashSettings? ConsistentHash { get; init; }

    public LocalityLbSetting? LocalityLbSetting { get; init; }

    /// <summary>Deprecated <c>warmupDurationSecs</c>; <see cref="Warmup"/> wins when both are set.</summary>
    public TimeSpan? WarmupDuration { get; init; }

    public WarmupSettings? Warmup { get; init; }
}
