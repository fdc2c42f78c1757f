namespace ControlPlane.Xds.Pushing;

/// <summary>
/// One connection's push queue: at most one pending push. Overflow policy: nothing is ever dropped or queued behind;
/// a push arriving while one is pending is merged into it (<see cref="PendingPush.Merge"/>), so a slow or stuck
/// connection holds one merged request however many pushes happen, and receives the latest state when it catches up
/// (istiod's <c>PushQueue</c> pending map). Memory per connection is bounded by the merged request (its config keys,
/// which collapse to none once any merged request is global).
/// Thread-safe: the scheduler enqueues, the connection's loop takes.
/// </summary>
internal sealed class CoalescingPushQueue
{
    private readonly object gate = new();
    private PendingPush? pending;
    private TaskCompletionSource? waiter;

    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return pending is not null;
            }
        }
    }

    public void Enqueue(PendingPush push)
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            pending = pending is null ? push : pending.Merge(push);
            wake = waiter;
            waiter = null;
        }

        wake?.TrySetResult();
    }

    public bool TryTake(out PendingPush push)
    {
        lock (gate)
        {
            push = pending!;
            pending = null;
            return push is not null;
        }
    }

    /// <summary>
    /// Completes when a push is pending. Does not consume it (call <see cref="TryTake"/>), so an abandoned wait loses
    /// nothing; concurrent waits share one task.
    /// </summary>
    public Task WaitAsync()
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
}
