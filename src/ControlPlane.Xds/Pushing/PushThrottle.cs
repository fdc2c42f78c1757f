namespace ControlPlane.Xds.Pushing;

using Microsoft.Extensions.Options;

/// <summary>
/// Bounds how many connections generate and send a push at once (istiod's <c>PILOT_PUSH_THROTTLE</c>): a big change
/// reaches every proxy without all of them generating at the same moment. A connection holds a slot for one push (all
/// its types) and releases it when done; a stuck write holds it at most <see cref="XdsOptions.SendTimeout"/>.
/// Requests from proxies are not throttled. Thread-safe. The semaphore is never disposed: streams still ending during
/// shutdown release their slot, and no wait handle is ever allocated.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "See remarks: deliberately never disposed.")]
internal sealed class PushThrottle(IOptions<XdsOptions> options)
{
    private readonly SemaphoreSlim slots = new(options.Value.PushConcurrency, options.Value.PushConcurrency);

    public int Available => slots.CurrentCount;

    public Task WaitAsync(CancellationToken cancellationToken) => slots.WaitAsync(cancellationToken);

    public void Release() => slots.Release();
}
