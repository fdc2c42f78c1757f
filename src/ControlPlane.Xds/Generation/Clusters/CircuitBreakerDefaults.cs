namespace ControlPlane.Xds.Generation.Clusters;

using Envoy.Config.Cluster.V3;

/// <summary>
/// <c>getDefaultCircuitBreakerThresholds</c>: every limit at MaxUint32 with remaining-capacity tracking. Envoy's own
/// defaults (1024, max_retries 3) cause 503s during pod churn before new endpoints arrive.
/// </summary>
internal static class CircuitBreakerDefaults
{
    public static CircuitBreakers.Types.Thresholds Thresholds() => new()
    {
        MaxConnections = uint.MaxValue,
        MaxPendingRequests = uint.MaxValue,
        MaxRequests = uint.MaxValue,
        MaxRetries = uint.MaxValue,
        TrackRemaining = true,
    };
}
