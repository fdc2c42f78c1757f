namespace ControlPlane.Kubernetes.Tests.Informers;

using ControlPlane.Kubernetes.Informers;
using ControlPlane.Testing.Kubernetes;

/// <summary>The informer's list/watch protocol handling, over the real KubernetesClient against the fake API server.</summary>
public sealed class ResourceInformerTests
{
    [Fact]
    public async Task Lists_then_watches_from_the_list_resource_version_and_tracks_every_change()
    {
        await using var h = await InformerHarness.CreateAsync();
        h.Server.Store.Create(FakeObjects.Pod("a", "one", "10.0.0.1"));
        h.Server.Store.Create(FakeObjects.Pod("a", "two", "10.0.0.2"));
        var listVersion = h.Server.Store.ResourceVersion;

        await h.StartAndSyncAsync();

        Assert.Equal(["Added a/one", "Added a/two"], await h.NextAsync(2));
        Assert.Equal(listVersion.ToString(), h.Informer.Snapshot.ResourceVersion);
        var watch = await h.WatchFromAsync(listVersion);
        Assert.True(watch.AllowWatchBookmarks);

        h.Server.Store.Create(FakeObjects.Pod("b", "three", "10.0.0.3"));
        h.Server.Store.Update(FakeObjects.Pod("a", "one", "10.0.0.9"));
        h.Server.Store.Delete("v1", "Pod", "a", "two");

        Assert.Equal("Added b/three", InformerHarness.Describe(await h.NextAsync()));
        var updated = await h.NextAsync();
        Assert.Equal("Updated a/one", InformerHarness.Describe(updated));
        Assert.Equal("10.0.0.9", updated.Object.Status.PodIP);
        Assert.Equal("Deleted a/two", InformerHarness.Describe(await h.NextAsync()));
        Assert.Equal(["a/one", "b/three"], h.Informer.Snapshot.Items.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(h.Server.Store.ResourceVersion.ToString(), h.Informer.Snapshot.ResourceVersion);
        Assert.Equal(1, h.Informer.ListCount);
    }

    [Fact]
    public async Task Has_synced_only_after_the_initial_list_and_retries_a_failing_list()
    {
        await using var h = await InformerHarness.CreateAsync();
        h.Server.Store.Create(FakeObjects.Pod("a", "one", "10.0.0.1"));
        h.Server.FailNextRequests(500, 2, watch: false);

        h.Start();
        await h.Server.WaitForRequestAsync(r => !r.Watch);
        Assert.False(h.Informer.HasSynced);
        Assert.Empty(h.Informer.Snapshot.Items);

        await h.Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(h.Informer.HasSynced);
        Assert.Equal(3, h.Informer.ListCount);
        Assert.Equal("Added a/one", InformerHarness.Describe(await h.NextAsync()));
    }

    [Fact]
    public async Task A_bookmark_advances_the_resource_version_a_watch_resumes_from()
    {
        await using var h = await InformerHarness.CreateAsync();
        await h.StartAndSyncAsync();
        await h.WatchFromAsync(h.Server.Store.ResourceVersion);

        // A write to another collection moves the global resourceVersion without an event for pods.
        h.Server.Store.Create(FakeObjects.Namespace("elsewhere"));
        var bookmarked = h.Server.Store.ResourceVersion;
        h.Server.Store.SendBookmarks();
        h.Server.Store.Create(FakeObjects.Pod("a", "sentinel", "10.0.0.1"));
        Assert.Equal("Added a/sentinel", InformerHarness.Describe(await h.NextAsync()));

        h.Server.Store.Compact();
        h.Server.DropWatches();

        // It resumes from the sentinel's resourceVersion, past the bookmark: no relist even though history was compacted.
        await h.WatchFromAsync(bookmarked + 1);
        h.Server.Store.Create(FakeObjects.Pod("a", "after", "10.0.0.2"));
        Assert.Equal("Added a/after", InformerHarness.Describe(await h.NextAsync()));
        Assert.Equal(1, h.Informer.ListCount);
    }

    [Fact]
    public async Task A_bookmark_alone_moves_the_resource_version()
    {
        await using var h = await InformerHarness.CreateAsync();
        await h.StartAndSyncAsync();
        await h.WatchFromAsync(h.Server.Store.ResourceVersion);

        h.Server.Store.Create(FakeObjects.Namespace("elsewhere"));
        var bookmarked = h.Server.Store.ResourceVersion;
        h.Server.Store.SendBookmarks();
        h.Server.CloseWatches();

        await h.WatchFromAsync(bookmarked);
        Assert.Equal(bookmarked.ToString(), h.Informer.Snapshot.ResourceVersion);
        Assert.Equal(1, h.Informer.ListCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Gone_is_answered_by_a_relist_that_emits_exactly_what_changed(bool goneAsHttpStatus)
    {
        await using var h = await InformerHarness.CreateAsync();
        h.Server.GoneAsHttpStatus = goneAsHttpStatus;
        foreach (var name in new[] { "a", "b", "c" })
        {
            h.Server.Store.Create(FakeObjects.Pod("ns", name, "10.0.0.1"));
        }

        await h.StartAndSyncAsync();
        Assert.Equal(3, (await h.NextAsync(3)).Length);
        await h.WatchFromAsync(h.Server.Store.ResourceVersion);

        // Keep the informer from watching while the cluster changes and its history is compacted.
        h.Server.FailNextRequests(503, 10_000, watch: true);
        h.Server.DropWatches();
        h.Server.Store.Update(FakeObjects.Pod("ns", "a", "10.0.0.2"));
        h.Server.Store.Delete("v1", "Pod", "ns", "b");
        h.Server.Store.Create(FakeObjects.Pod("ns", "d", "10.0.0.4"));
        h.Server.Store.Compact();
        h.Server.ClearFailures();

        Assert.Equal(["Added ns/d", "Deleted ns/b", "Updated ns/a"], await h.NextAsync(3));
        h.Server.Store.Create(FakeObjects.Pod("ns", "sentinel", "10.0.0.5"));
        Assert.Equal("Added ns/sentinel", InformerHarness.Describe(await h.NextAsync()));
        Assert.Equal(2, h.Informer.ListCount);
        Assert.Equal(["ns/a", "ns/c", "ns/d", "ns/sentinel"], h.Informer.Snapshot.Items.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_dropped_watch_resumes_from_the_last_event_without_loss_or_duplicates()
    {
        await using var h = await InformerHarness.CreateAsync();
        await h.StartAndSyncAsync();
        h.Server.Store.Create(FakeObjects.Pod("ns", "x", "10.0.0.1"));
        Assert.Equal("Added ns/x", InformerHarness.Describe(await h.NextAsync()));
        var lastSeen = h.Server.Store.ResourceVersion;

        // The drop is followed by two failing reconnects (5xx), so the writes below happen while nobody watches.
        h.Server.FailNextRequests(503, 2, watch: true);
        h.Server.DropWatches();
        h.Server.Store.Create(FakeObjects.Pod("ns", "y", "10.0.0.2"));
        h.Server.Store.Update(FakeObjects.Pod("ns", "x", "10.0.0.3"));

        Assert.Equal("Added ns/y", InformerHarness.Describe(await h.NextAsync()));
        Assert.Equal("Updated ns/x", InformerHarness.Describe(await h.NextAsync()));
        h.Server.Store.Create(FakeObjects.Pod("ns", "sentinel", "10.0.0.4"));
        Assert.Equal("Added ns/sentinel", InformerHarness.Describe(await h.NextAsync()));

        var watches = h.Server.Requests.Where(r => r.Watch).Select(r => r.ResourceVersion).ToList();
        Assert.Equal(lastSeen.ToString(), watches[^1]);
        Assert.True(watches.Count >= 4, string.Join(",", watches));
        Assert.Equal(1, h.Informer.ListCount);
    }

    [Fact]
    public async Task An_error_event_other_than_gone_is_retried_from_the_same_resource_version()
    {
        await using var h = await InformerHarness.CreateAsync();
        await h.StartAndSyncAsync();
        h.Server.Store.Create(FakeObjects.Pod("ns", "x", "10.0.0.1"));
        Assert.Equal("Added ns/x", InformerHarness.Describe(await h.NextAsync()));
        var lastSeen = h.Server.Store.ResourceVersion;

        h.Server.FailWatches(500);
        h.Server.Store.Create(FakeObjects.Pod("ns", "y", "10.0.0.2"));

        Assert.Equal("Added ns/y", InformerHarness.Describe(await h.NextAsync()));
        await h.WatchFromAsync(lastSeen);
        Assert.Equal(1, h.Informer.ListCount);
    }

    [Fact]
    public async Task A_gone_error_event_on_an_open_watch_relists()
    {
        await using var h = await InformerHarness.CreateAsync();
        h.Server.Store.Create(FakeObjects.Pod("ns", "x", "10.0.0.1"));
        await h.StartAndSyncAsync();
        Assert.Equal("Added ns/x", InformerHarness.Describe(await h.NextAsync()));
        await h.WatchFromAsync(h.Server.Store.ResourceVersion);

        h.Server.FailWatches(410);

        await h.Server.WaitForRequestAsync(r => !r.Watch && h.Server.Requests.Count(q => !q.Watch) == 2);
        h.Server.Store.Create(FakeObjects.Pod("ns", "y", "10.0.0.2"));
        Assert.Equal("Added ns/y", InformerHarness.Describe(await h.NextAsync()));
        Assert.Equal(2, h.Informer.ListCount);
    }

    [Fact]
    public async Task A_slow_api_server_delays_sync_but_nothing_is_lost()
    {
        await using var h = await InformerHarness.CreateAsync();
        h.Server.ResponseDelay = TimeSpan.FromMilliseconds(200);
        h.Server.Store.Create(FakeObjects.Pod("ns", "x", "10.0.0.1"));

        await h.StartAndSyncAsync();
        h.Server.Store.Create(FakeObjects.Pod("ns", "y", "10.0.0.2"));

        Assert.Equal(["Added ns/x", "Added ns/y"], await h.NextAsync(2));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_up_to_the_cap_and_resets()
    {
        var backoff = new InformerBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000));
        var ceilings = new[] { 100, 200, 400, 800, 1000, 1000 };
        foreach (var ceiling in ceilings)
        {
            var delay = backoff.Next().TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2.0, ceiling);
        }

        backoff.Reset();
        Assert.InRange(backoff.Next().TotalMilliseconds, 50, 100);
    }
}
