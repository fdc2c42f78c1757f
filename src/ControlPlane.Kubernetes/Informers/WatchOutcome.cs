namespace ControlPlane.Kubernetes.Informers;

/// <summary>How one watch ended, which decides what the informer does next.</summary>
internal enum WatchOutcome
{
    /// <summary>Closed after delivering at least one event or bookmark: watch again at once from the latest resourceVersion.</summary>
    Progressed,

    /// <summary>Closed without delivering anything: watch again after a backoff delay.</summary>
    Idle,

    /// <summary>The resourceVersion is too old (410 Gone): relist and diff against the cache.</summary>
    Expired,
}
