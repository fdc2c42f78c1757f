namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Model.Pushing;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Tests.Serving.Fakes;
using Grpc.Core;

/// <summary>A proxy that stops reading: its pushes coalesce, others are served, and it is cut off after SendTimeout.</summary>
public sealed class StuckConnectionTests
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider clock = new();

    [Fact]
    public async Task A_stuck_connection_holds_one_merged_push_and_others_are_unaffected()
    {
        await using var harness = new ServingHarness(clock, o => { o.SendTimeout = SendTimeout; o.PushConcurrency = 2; });
        harness.Store.Upsert(TestMesh.Service("reviews"));
        var stuck = harness.OpenSotw(XdsTestNodes.Sidecar("stuck", "default"), TypeUrls.Cluster);
        stuck.Responses.Stick();
        var healthy = harness.OpenSotw(XdsTestNodes.Sidecar("healthy", "default", ip: "10.0.0.9"), TypeUrls.Cluster);
        await healthy.Responses.NextAsync();
        await stuck.Responses.StuckWriteStarted;

        for (var i = 0; i < 1000; i++)
        {
            var service = TestMesh.Service($"svc{i % 3}");
            harness.Store.Upsert(service);
            await PushAsync(harness, service);
        }

        var stuckConnection = harness.Connections.All.Single(c => c.Proxy.ShortId == "stuck.default");
        Assert.True(stuckConnection.Pushes.HasPending); // one merged push, however many were queued
        Assert.True(stuckConnection.Pushes.TryTake(out var merged));
        Assert.Equal(1000, merged.Request.Reasons[PushReason.ServiceUpdate]);
        Assert.Equal(3, merged.Request.ConfigsUpdated.Count);
        stuckConnection.Enqueue(merged);

        await ResponseWithAsync(healthy, clusters: 4); // the healthy proxy got every change meanwhile

        await clock.WaitForTimersAsync(1);
        clock.Advance(SendTimeout);
        var error = await Assert.ThrowsAsync<RpcException>(() => stuck.Run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(stuck.Responses.Aborted);
        Assert.DoesNotContain(harness.Connections.All, c => c.Proxy.ShortId == "stuck.default");
        Assert.Equal(2, harness.Throttle.Available);
    }

    [Fact]
    public async Task A_push_slot_held_by_a_stuck_connection_is_returned_when_it_is_cut_off()
    {
        await using var harness = new ServingHarness(clock, o => { o.SendTimeout = SendTimeout; o.PushConcurrency = 1; });
        harness.Store.Upsert(TestMesh.Service("reviews"));
        var stuck = harness.OpenSotw(XdsTestNodes.Sidecar("stuck", "default"), TypeUrls.Cluster);
        var other = harness.OpenSotw(XdsTestNodes.Sidecar("other", "default", ip: "10.0.0.9"), TypeUrls.Cluster);
        await stuck.Responses.NextAsync();
        await other.Responses.NextAsync();
        stuck.Responses.Stick();
        var otherConnection = harness.Connections.All.Single(c => c.Proxy.ShortId == "other.default");

        // Queue on the stuck one first so it takes the only slot, then on the other.
        harness.Store.Upsert(TestMesh.Service("ratings"));
        var context = Model.Push.PushContextBuilder.Build(harness.Store.Current);
        var stuckConnection = harness.Connections.All.Single(c => c.Proxy.ShortId == "stuck.default");
        stuckConnection.Enqueue(new PendingPush(PushRequest.Global(PushReason.GlobalUpdate), context, clock.GetUtcNow()));
        await stuck.Responses.StuckWriteStarted;
        otherConnection.Enqueue(new PendingPush(PushRequest.Global(PushReason.GlobalUpdate), context, clock.GetUtcNow()));

        Assert.Equal(0, harness.Throttle.Available);
        Assert.True(otherConnection.Pushes.HasPending); // waits for the slot, not taken yet

        await clock.WaitForTimersAsync(1);
        clock.Advance(SendTimeout);

        Assert.Equal(2, (await other.Responses.NextAsync()).Resources.Count);
        await Assert.ThrowsAsync<RpcException>(() => stuck.Run.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private static Task PushAsync(ServingHarness harness, Model.Services.Service changed)
    {
        var request = new PushRequest
        {
            Full = true,
            ConfigsUpdated = [new Model.Config.ConfigKey(Model.Config.ConfigKind.Service, changed.Namespace, changed.Hostname)],
            Reasons = System.Collections.Immutable.ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.ServiceUpdate, 1),
        };
        return harness.Scheduler.PushAsync(new DebouncedBatch(request, harness.Store.Current, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), CancellationToken.None);
    }

    /// <summary>Reads responses until one carries <paramref name="clusters"/> clusters (identical pushes are skipped).</summary>
    private static async Task ResponseWithAsync(ServingHarness.Session session, int clusters)
    {
        while ((await session.Responses.NextAsync()).Resources.Count != clusters)
        {
        }
    }
}
