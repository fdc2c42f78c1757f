namespace ControlPlane.Kubernetes.Leadership;

/// <summary>
/// How a <see cref="LeaderElector"/> competes for its <c>coordination.k8s.io/v1</c> Lease, with client-go's meaning for
/// each timing. The defaults are istiod's: a 30 s lease, renewed within half of it, retried every quarter of it.
/// </summary>
public sealed class LeaderElectionOptions
{
    /// <summary>client-go's jitter factor: the renew deadline must exceed the retry period by this much.</summary>
    public const double JitterFactor = 1.2;

    /// <summary>The Lease's name, in <see cref="Namespace"/>.</summary>
    public string LeaseName { get; set; } = "istio-status-leader";

    /// <summary>The control plane's own namespace, where the Lease lives.</summary>
    public string Namespace { get; set; } = "istio-system";

    /// <summary>This process's <c>holderIdentity</c>; unique among the competitors (the pod name in a pod).</summary>
    public string Identity { get; set; } = DefaultIdentity();

    /// <summary>
    /// How long a competitor waits, from the moment it last saw the Lease change, before taking it over
    /// (<c>leaseDurationSeconds</c>, whole seconds). Judged on the competitor's own clock, so clock skew does not matter.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the leader keeps retrying a failed renewal before it gives leadership up.</summary>
    public TimeSpan RenewDeadline { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Between two renewals, and between two acquisition attempts (jittered up to 2.2 times as long).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>On a clean stop, hand the Lease back (empty holder, 1 s duration) so another replica takes over at once, as istiod does.</summary>
    public bool ReleaseOnStop { get; set; } = true;

    /// <summary>The pod name (<c>POD_NAME</c>, as istiod reads it) or, outside a pod, the host name with a random suffix.</summary>
    public static string DefaultIdentity() =>
        Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>Every rule the options break, as client-go checks them; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(LeaseName) || string.IsNullOrWhiteSpace(Namespace) || string.IsNullOrWhiteSpace(Identity))
        {
            failures.Add("LeaderElectionOptions.LeaseName, Namespace and Identity are required.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration <= RenewDeadline)
        {
            failures.Add($"LeaderElectionOptions.LeaseDuration must be at least 1 s and longer than RenewDeadline, got {LeaseDuration} and {RenewDeadline}.");
        }

        if (RetryPeriod <= TimeSpan.Zero || RenewDeadline <= RetryPeriod * JitterFactor)
        {
            failures.Add($"LeaderElectionOptions.RenewDeadline must exceed {JitterFactor} x RetryPeriod (a positive period), got {RenewDeadline} and {RetryPeriod}.");
        }

        return failures;
    }
}
