namespace ControlPlane.Kubernetes.Informers;

/// <summary>
/// Exponential backoff with full jitter over the upper half: the n-th consecutive failure waits a random time in
/// [d/2, d] where d = min(initial * 2^(n-1), max). Not thread-safe: one informer loop uses it.
/// </summary>
internal sealed class InformerBackoff(TimeSpan initial, TimeSpan max)
{
    private int failures;

    public int Failures => failures;

    public TimeSpan Next()
    {
        failures++;
        var exponent = Math.Min(failures - 1, 30);
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        var jittered = ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    public void Reset() => failures = 0;
}
