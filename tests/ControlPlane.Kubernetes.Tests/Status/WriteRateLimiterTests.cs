namespace ControlPlane.Kubernetes.Tests.Status;

using ControlPlane.Kubernetes.Status;

public sealed class WriteRateLimiterTests
{
    [Fact]
    public async Task A_burst_passes_at_once_and_the_next_request_waits_for_a_token()
    {
        var limiter = new WriteRateLimiter(perSecond: 0.5, burst: 2, TimeProvider.System);

        await limiter.WaitAsync(CancellationToken.None);
        await limiter.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var third = limiter.WaitAsync(cancel.Token);

        // At 0.5 per second the third token is about two seconds away: the call cannot have completed yet.
        Assert.False(third.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }
}
