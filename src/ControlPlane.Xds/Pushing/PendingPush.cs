namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;

/// <summary>A push waiting in a connection's queue: what changed, the context to generate from, and when it was queued.</summary>
internal sealed record PendingPush(PushRequest Request, PushContext Context, DateTimeOffset EnqueuedAt)
{
    /// <summary>
    /// Coalesces a newer push into this one: requests merge (istiod's <c>PushRequest.Merge</c>), the newer context wins
    /// (it reflects every change either request describes), and the earlier queue time is kept for the queue-time metric.
    /// </summary>
    public PendingPush Merge(PendingPush newer) =>
        new(Request.Merge(newer.Request), newer.Context, EnqueuedAt <= newer.EnqueuedAt ? EnqueuedAt : newer.EnqueuedAt);
}
