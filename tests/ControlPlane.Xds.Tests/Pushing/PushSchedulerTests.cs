namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Metrics;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Tests.Serving.Fakes;
using ControlPlane.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

public sealed class PushSchedulerTests
{
    private static readonly Model.Services.Service Reviews = TestMesh.Service("reviews");
    private static readonly Model.Services.Service Ratings = TestMesh.Service("ratings");
    private readonly ManualTimeProvider clock = new();
    private readonly MeshStore store = new();
    private readonly PushContextHolder contexts;
    private readonly FakeTarget reviewsWatcher = new("default", (TypeUrls.Endpoint, WatchedResources.Of([TestMesh.ClusterOf(Reviews)])));
    private readonly FakeTarget ratingsWatcher = new("default", (TypeUrls.Endpoint, WatchedResources.Of([TestMesh.ClusterOf(Ratings)])));
    private readonly PushScheduler scheduler;

    public PushSchedulerTests()
    {
        var metrics = new XdsMetrics(Prometheus.Metrics.NewCustomRegistry());
        contexts = new PushContextHolder(store, metrics, clock);
        var debouncer = new Debouncer(Options.Create(new XdsOptions()), clock);
        scheduler = new PushScheduler(debouncer, contexts, new FakeTargetSource(reviewsWatcher, ratingsWatcher), metrics, NullLogger<PushScheduler>.Instance);
        store.Upsert(Reviews, Ratings);
    }

    [Fact]
    public async Task Store_changes_are_debounced_into_one_push_to_the_affected_connections()
    {
        store.Subscribe(scheduler);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => scheduler.RunAsync(stop.Token));

        store.SetEndpoints(Reviews, "10.0.0.1");
        store.SetEndpoints(Reviews, "10.0.0.1", "10.0.0.2");
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        await WaitUntil(() => reviewsWatcher.Queued.Count == 1);

        var push = reviewsWatcher.Queued[0];
        Assert.False(push.Request.Full);
        Assert.Equal(2, push.Request.Reasons[PushReason.EndpointUpdate]);
        Assert.Equal(store.Current.Version, push.Context.Version);
        Assert.Same(contexts.Current, push.Context);
        Assert.Equal(2, push.Context.Endpoints.For(Reviews.Key).Length);
        Assert.Empty(ratingsWatcher.Queued);
        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [Fact]
    public async Task Each_selected_proxy_is_logged_at_debug_with_the_reason_and_the_keys()
    {
        var logger = new CapturingLogger<PushScheduler>(LogLevel.Debug);
        var metrics = new XdsMetrics(Prometheus.Metrics.NewCustomRegistry());
        var logged = new PushScheduler(
            new Debouncer(Options.Create(new XdsOptions()), clock), contexts, new FakeTargetSource(reviewsWatcher, ratingsWatcher), metrics, logger);
        store.SetEndpoints(Reviews, "10.0.0.1");
        var request = TestRequests.Endpoints(Reviews.Hostname);

        await logged.PushAsync(new DebouncedBatch(request, store.Current, clock.GetUtcNow(), clock.GetUtcNow()), CancellationToken.None);

        var selected = Assert.Single(logger.Entries, e => e.Event.Id == 2005);
        Assert.Contains(reviewsWatcher.Proxy.Id, selected.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(PushSelection.EdsWatch), selected.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint:1", selected.Message, StringComparison.Ordinal);
        Assert.Contains(Reviews.Hostname, selected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contexts_never_move_back_to_an_older_snapshot()
    {
        var old = store.Current;
        store.Upsert(TestMesh.Service("details"));
        var built = contexts.GetOrBuild(); // a proxy connected and built from the newer state

        await scheduler.PushAsync(new DebouncedBatch(TestRequests.Full(), old, clock.GetUtcNow(), clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(built.Version, contexts.Current!.Version);
        Assert.Equal(3, contexts.Current.Services.All.Length);
    }

    [Fact]
    public async Task A_global_push_reaches_every_connection_with_the_same_context()
    {
        await scheduler.PushAsync(new DebouncedBatch(PushRequest.Global(PushReason.GlobalUpdate), store.Current, clock.GetUtcNow(), clock.GetUtcNow()), CancellationToken.None);

        Assert.Same(reviewsWatcher.Queued.Single().Context, ratingsWatcher.Queued.Single().Context);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, guard.Token);
        }
    }
}
