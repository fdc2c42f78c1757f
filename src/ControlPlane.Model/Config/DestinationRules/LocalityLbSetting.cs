namespace ControlPlane.Model.Config.DestinationRules;

using System.Collections.Immutable;

/// <summary>
/// <c>localityLbSetting</c> of a DestinationRule's load balancer, or MeshConfig's mesh-wide default. At most one of
/// <see cref="Distribute"/> and <see cref="Failover"/> is set (validation rejects both).
/// </summary>
public sealed record LocalityLbSetting
{
    /// <summary>MeshConfig's default: enabled, with neither weights nor explicit failover.</summary>
    public static readonly LocalityLbSetting MeshDefault = new() { Enabled = true };

    /// <summary>Weights per destination locality, chosen by the proxy's locality (the first matching <c>from</c> wins).</summary>
    public ImmutableArray<LocalityDistribution> Distribute { get; init; } = [];

    /// <summary>Region failover targets, used when no endpoint of the proxy's region is healthy.</summary>
    public ImmutableArray<LocalityFailover> Failover { get; init; } = [];

    /// <summary>Ordered label keys (optionally <c>key=value</c>) whose match with the proxy's labels ranks endpoints.</summary>
    public ImmutableArray<string> FailoverPriority { get; init; } = [];

    /// <summary>null = not set (enabled); false switches locality load balancing off.</summary>
    public bool? Enabled { get; init; }
}
