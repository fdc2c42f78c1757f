namespace ControlPlane.Kubernetes.Status;

/// <summary>
/// Pace of the status writer. The defaults are istiod's status client limits (<c>PILOT_STATUS_QPS</c> 100,
/// <c>PILOT_STATUS_BURST</c> 500), so a cluster full of invalid objects cannot flood the API server.
/// </summary>
public sealed class StatusWriterOptions
{
    /// <summary>Sustained status PATCH requests per second.</summary>
    public double QueriesPerSecond { get; set; } = 100;

    /// <summary>Requests allowed at once before the sustained rate applies.</summary>
    public int Burst { get; set; } = 500;

    /// <summary>After a pass in which some write failed (other than 404), the pass is repeated after this delay.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public IReadOnlyList<string> Validate() =>
        QueriesPerSecond > 0 && Burst >= 1 && RetryDelay > TimeSpan.Zero
            ? []
            : [$"StatusWriterOptions needs QueriesPerSecond > 0, Burst >= 1 and a positive RetryDelay, got {QueriesPerSecond}, {Burst}, {RetryDelay}."];
}
