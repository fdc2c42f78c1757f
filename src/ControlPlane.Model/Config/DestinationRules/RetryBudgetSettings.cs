namespace ControlPlane.Model.Config.DestinationRules;

/// <summary><c>trafficPolicy.retryBudget</c>; null and 0 take istiod's defaults when the cluster is built.</summary>
public sealed record RetryBudgetSettings
{
    public double? Percent { get; init; }

    public uint MinRetryConcurrency { get; init; }
}
