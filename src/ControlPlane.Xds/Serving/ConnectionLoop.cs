namespace ControlPlane.Xds.Serving;

using System.Threading.Channels;
using ControlPlane.Xds.Pushing;

/// <summary>
/// The single loop of a connection (istiod's per-connection goroutine): it handles requests and pushes one at a time,
/// requests first, so only this loop ever writes to the stream. A pending push first waits for a
/// <see cref="PushThrottle"/> slot; requests keep being answered meanwhile, and pushes arriving meanwhile merge into the
/// pending one. Ends when the request channel completes (proxy half-closed), rethrowing a read error, or on cancellation.
/// </summary>
internal static class ConnectionLoop
{
    public static async Task RunAsync<TRequest>(
        ChannelReader<TRequest> requests,
        CoalescingPushQueue pushes,
        PushThrottle throttle,
        Func<TRequest, Task> onRequest,
        Func<PendingPush, Task> onPush,
        CancellationToken cancellationToken)
    {
        Task<bool>? readable = null;
        Task? pushable = null;
        Task? slot = null;
        try
        {
            while (true)
            {
                if (requests.TryRead(out var request))
                {
                    await onRequest(request).ConfigureAwait(false);
                    continue;
                }

                if (slot is { IsCompleted: true })
                {
                    var acquired = slot;
                    slot = null;
                    await acquired.ConfigureAwait(false);
                    await PushWithSlotAsync(pushes, throttle, onPush).ConfigureAwait(false);
                    continue;
                }

                if (slot is null && pushes.HasPending)
                {
                    slot = throttle.WaitAsync(cancellationToken);
                    continue;
                }

                readable ??= requests.WaitToReadAsync(cancellationToken).AsTask();
                var other = slot ?? (pushable ??= pushes.WaitAsync());
                var ready = await Task.WhenAny(readable, other).ConfigureAwait(false);
                if (ready == readable)
                {
                    readable = null;
                    if (!await ((Task<bool>)ready).ConfigureAwait(false))
                    {
                        await requests.Completion.ConfigureAwait(false);
                        return;
                    }
                }
                else if (ready == pushable)
                {
                    pushable = null;
                }
            }
        }
        finally
        {
            // A slot acquired after the loop stopped must still go back, or the throttle would shrink for good.
            _ = slot?.ContinueWith(
                static (t, state) =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        ((PushThrottle)state!).Release();
                    }
                },
                throttle,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private static async Task PushWithSlotAsync(CoalescingPushQueue pushes, PushThrottle throttle, Func<PendingPush, Task> onPush)
    {
        try
        {
            if (pushes.TryTake(out var push))
            {
                await onPush(push).ConfigureAwait(false);
            }
        }
        finally
        {
            throttle.Release();
        }
    }
}
