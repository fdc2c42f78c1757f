namespace ControlPlane.Kubernetes.Status;

/// <summary>
/// A token bucket, as client-go's request rate limiter: <c>burst</c> requests at once, then <c>perSecond</c>. Not
/// thread-safe: the status writer's one loop is its only caller.
/// </summary>
internal sealed class WriteRateLimiter(double perSecond, int burst, TimeProvider time)
{
    private double tokens = burst;
    private long refilled = time.GetTimestamp();

    /// <summary>Takes one token, waiting until one is available.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetTimestamp();
            tokens = Math.Min(burst, tokens + (time.GetElapsedTime(refilled, now).TotalSeconds * perSecond));
            refilled = now;
            if (tokens >= 1)
            {
                tokens -= 1;
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds((1 - tokens) / perSecond), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
