namespace ControlPlane.Model.Config.DestinationRules;

/// <summary>outlierDetection; null = not set.</summary>
public sealed record OutlierDetectionSettings
{
    public int? ConsecutiveErrors { get; init; }

    public int? Consecutive5xxErrors { get; init; }

    public int? ConsecutiveGatewayErrors { get; init; }

    public TimeSpan? Interval { get; init; }

    public TimeSpan? BaseEjectionTime { get; init; }

    public int? MaxEjectionPercent { get; init; }

    public int? MinHealthPercent { get; init; }

    public bool SplitExternalLocalOriginErrors { get; init; }

    public uint? ConsecutiveLocalOriginFailures { get; init; }
}
