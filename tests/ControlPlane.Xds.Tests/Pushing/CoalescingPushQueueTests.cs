namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Xds.Pushing;

public sealed class CoalescingPushQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Any_number_of_pushes_to_a_busy_connection_leaves_one_merged_push()
    {
        var queue = new CoalescingPushQueue();
        PushContext? newest = null;
        for (var i = 0; i < 1000; i++)
        {
            newest = Context(i);
            queue.Enqueue(new PendingPush(TestRequests.Endpoints($"svc{i % 10}.default.svc.cluster.local"), newest, T0.AddSeconds(i)));
        }

        Assert.True(queue.TryTake(out var push));
        Assert.False(queue.TryTake(out _));
        Assert.Equal(10, push.Request.ConfigsUpdated.Count); // bounded by distinct keys, not by pushes
        Assert.Equal(1000, push.Request.Reasons[PushReason.EndpointUpdate]);
        Assert.Same(newest, push.Context);
        Assert.Equal(T0, push.EnqueuedAt);
    }

    [Fact]
    public void A_global_push_absorbs_every_key()
    {
        var queue = new CoalescingPushQueue();
        queue.Enqueue(new PendingPush(TestRequests.Full(TestRequests.ServiceKey("a.default.svc.cluster.local")), Context(1), T0));
        queue.Enqueue(new PendingPush(PushRequest.Global(PushReason.GlobalUpdate), Context(2), T0));
        queue.Enqueue(new PendingPush(TestRequests.Endpoints("b.default.svc.cluster.local"), Context(3), T0));

        Assert.True(queue.TryTake(out var push));
        Assert.True(push.Request.IsGlobal);
        Assert.Empty(push.Request.ConfigsUpdated);
    }

    [Fact]
    public async Task Waiting_does_not_consume_and_an_abandoned_wait_loses_nothing()
    {
        var queue = new CoalescingPushQueue();
        var abandoned = queue.WaitAsync();
        var second = queue.WaitAsync();
        Assert.False(abandoned.IsCompleted);

        queue.Enqueue(new PendingPush(TestRequests.Full(), Context(1), T0));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(abandoned.IsCompleted);
        Assert.True(queue.WaitAsync().IsCompleted);
        Assert.True(queue.HasPending);
        Assert.True(queue.TryTake(out _));
        Assert.False(queue.WaitAsync().IsCompleted);
    }

    private static PushContext Context(long version) => PushContextBuilder.Build(MeshSnapshot.Empty with { Version = version });
}
