namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Cluster.V3;
using Envoy.Type.V3;

/// <summary>
/// <c>getDefaultCircuitBreakerThresholds</c>: every limit at MaxUint32 with remaining-capacity tracking. Envoy's own
/// defaults (1024, max_retries 3) cause 503s during pod churn before new endpoints arrive.
/// </summary>
internal static class CircuitBreakerDefaults
{
    private const double DefaultRetryBudgetPercent = 0.2;

    private const uint DefaultMinRetryConcurrency = 3;

    public static CircuitBreakers.Types.Thresholds Thresholds() => new()
    {
        MaxConnections = uint.MaxValue,
        MaxPendingRequests = uint.MaxValue,
        MaxRequests = uint.MaxValue,
        MaxRetries = uint.MaxValue,
        TrackRemaining = true,
    };

    /// <summary>
    /// <c>applyRetryBudget</c>. The default percent is written as istiod writes it, <c>0.2</c> (Envoy reads it as 0.2%,
    /// although istiod's comment says 20%): matching istiod's output byte for byte matters more here than the comment.
    /// </summary>
    public static void ApplyRetryBudget(CircuitBreakers.Types.Thresholds thresholds, RetryBudgetSettings? budget)
    {
        if (budget is null)
        {
            return;
        }

        thresholds.RetryBudget = new CircuitBreakers.Types.Thresholds.Types.RetryBudget
        {
            BudgetPercent = new Percent { Value = budget.Percent ?? DefaultRetryBudgetPercent },
            MinRetryConcurrency = budget.MinRetryConcurrency > 0 ? budget.MinRetryConcurrency : DefaultMinRetryConcurrency,
        };
    }
}
