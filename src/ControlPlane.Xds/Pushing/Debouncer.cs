namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using Microsoft.Extensions.Options;

/// <summary>
/// istiod's debounce (<c>discovery.go debounce</c>): requests merge until none arrived for
/// <see cref="XdsOptions.DebounceAfter"/> or the first of them waited <see cref="XdsOptions.DebounceMax"/>; then the merged
/// request is released. Endpoint-only requests are debounced too (istiod's <c>PILOT_ENABLE_EDS_DEBOUNCE</c> default), but a
/// batch of nothing else is bounded by <see cref="XdsOptions.EndpointDebounceMax"/> instead, so steady churn cannot hold
/// endpoint updates back for the full maximum.
/// Only one release runs at a time; requests arriving meanwhile merge into the next batch. Deadlines are computed from
/// the arrival times recorded in <see cref="Add"/>, so a late-running loop releases as early as the rules allow, never
/// later. Backpressure: one merged request is pending at most; <see cref="Add"/> never blocks (it is called under
/// <see cref="MeshStore"/>'s lock).
/// </summary>
internal sealed class Debouncer(IOptions<XdsOptions> options, TimeProvider time)
{
    private readonly TimeSpan after = options.Value.DebounceAfter;
    private readonly TimeSpan max = options.Value.DebounceMax;
    private readonly TimeSpan endpointMax = options.Value.EndpointDebounceMax;
    private readonly object gate = new();

    private PushRequest? pending;
    private TaskCompletionSource? waiter;
    private MeshSnapshot? snapshot;
    private DateTimeOffset firstAt;
    private DateTimeOffset lastAt;

    public void Add(PushRequest request, MeshSnapshot? latest)
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var first = pending is null;
            pending = first ? request : pending!.Merge(request);
            firstAt = first ? now : firstAt;
            lastAt = now;
            if (latest is not null && (snapshot is null || latest.Version >= snapshot.Version))
            {
                snapshot = latest;
            }

            wake = waiter;
            waiter = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Runs until cancelled, handing each merged batch to <paramref name="release"/> (awaited before the next).</summary>
    public async Task RunAsync(Func<DebouncedBatch, CancellationToken, Task> release, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForFirstAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            await WaitForQuietAsync(cancellationToken).ConfigureAwait(false);
            await release(Take(), cancellationToken).ConfigureAwait(false);
        }
    }

    private Task WaitForFirstAsync()
    {
        lock (gate)
        {
            if (pending is not null)
            {
                return Task.CompletedTask;
            }

            waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return waiter.Task;
        }
    }

    private async Task WaitForQuietAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset due;
            lock (gate)
            {
                var quiet = lastAt + after;
                var deadline = firstAt + (pending is { Full: false } ? endpointMax : max);
                due = quiet < deadline ? quiet : deadline;
            }

            var wait = due - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private DebouncedBatch Take()
    {
        lock (gate)
        {
            var batch = new DebouncedBatch(pending!, snapshot, firstAt, time.GetUtcNow());
            pending = null;
            snapshot = null;
            return batch;
        }
    }
}
