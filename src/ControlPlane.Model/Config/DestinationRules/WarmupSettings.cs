namespace ControlPlane.Model.Config.DestinationRules;

/// <summary><c>loadBalancer.warmup</c>: slow start for new endpoints; null fields take istiod's defaults (1.0 and 10%).</summary>
public sealed record WarmupSettings(TimeSpan Duration)
{
    public double? Aggression { get; init; }

    public double? MinimumPercent { get; init; }
}
