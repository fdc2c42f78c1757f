namespace ControlPlane.Xds.Tests.Pushing;

using System.Threading.Channels;
using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Pushing;
using Microsoft.Extensions.Options;

/// <summary>Debounce timing on a hand-moved clock: the test waits for the debouncer to arm its timer before moving time.</summary>
public sealed class DebouncerTests : IAsyncDisposable
{
    private static readonly TimeSpan After = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan EndpointMax = TimeSpan.FromMilliseconds(300);
    private readonly ManualTimeProvider clock = new();
    private readonly Debouncer debouncer;
    private readonly Channel<DebouncedBatch> released = Channel.CreateUnbounded<DebouncedBatch>();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private TaskCompletionSource? holdRelease;

    public DebouncerTests()
    {
        debouncer = new Debouncer(Options.Create(new XdsOptions { DebounceAfter = After, DebounceMax = Max, EndpointDebounceMax = EndpointMax }), clock);
        loop = Task.Run(() => debouncer.RunAsync(ReleaseAsync, stop.Token));
    }

    [Fact]
    public async Task A_single_request_is_released_after_the_quiet_period()
    {
        debouncer.Add(Config("a"), null);
        await clock.WaitForTimersAsync(1);

        clock.Advance(After - TimeSpan.FromMilliseconds(1));
        Assert.False(released.Reader.TryRead(out _));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var batch = await NextAsync();
        Assert.Equal([Key("a")], batch.Request.ConfigsUpdated);
        Assert.Equal(After, batch.ReleasedAt - batch.FirstAt);
    }

    [Fact]
    public async Task Each_request_restarts_the_quiet_period_and_all_are_merged()
    {
        debouncer.Add(Config("a"), Snapshot(1));
        await clock.WaitForTimersAsync(1);
        clock.Advance(TimeSpan.FromMilliseconds(60));
        debouncer.Add(Config("b"), Snapshot(3));
        debouncer.Add(Endpoints("svc"), Snapshot(2));
        clock.Advance(TimeSpan.FromMilliseconds(40)); // the first timer fires; quiet only since 60 ms

        await clock.WaitForTimersAsync(2);
        Assert.False(released.Reader.TryRead(out _));
        clock.Advance(TimeSpan.FromMilliseconds(60));

        var batch = await NextAsync();
        Assert.True(batch.Request.Full);
        Assert.Equal([Key("a"), Key("b"), new ConfigKey(ConfigKind.Service, "default", "svc")], batch.Request.ConfigsUpdated.OrderBy(k => k.Name));
        Assert.Equal(3, batch.Snapshot!.Version); // the newest snapshot, whatever the arrival order
        Assert.Equal(TimeSpan.FromMilliseconds(160), batch.ReleasedAt - batch.FirstAt);
    }

    [Fact]
    public async Task A_constant_stream_of_requests_is_released_at_the_maximum_delay()
    {
        // A request every 50 ms: never 100 ms of quiet. From the second step on, each step fires the armed timer and the
        // debouncer re-arms it; the test waits for that before adding the next request, so the two never race.
        debouncer.Add(Config("0"), null);
        await clock.WaitForTimersAsync(1);
        for (var i = 1; i <= 19; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await clock.WaitForTimersAsync(Math.Max(1, i));
            Assert.False(released.Reader.TryRead(out _));
            debouncer.Add(Config(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null);
        }

        clock.Advance(TimeSpan.FromMilliseconds(50));

        var batch = await NextAsync();
        Assert.Equal(Max, batch.ReleasedAt - batch.FirstAt);
        Assert.Equal(20, batch.Request.ConfigsUpdated.Count);
    }

    [Fact]
    public async Task Endpoint_only_requests_are_debounced_too()
    {
        debouncer.Add(Endpoints("svc"), null);
        await clock.WaitForTimersAsync(1);
        Assert.False(released.Reader.TryRead(out _));

        clock.Advance(After);

        Assert.False((await NextAsync()).Request.Full);
    }

    [Fact]
    public async Task Steady_endpoint_churn_is_released_at_the_endpoint_maximum()
    {
        // As above: from the second step on each step fires the armed timer, and the test waits for the re-arm.
        debouncer.Add(Endpoints("svc-0"), null);
        await clock.WaitForTimersAsync(1);
        for (var i = 1; i <= 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await clock.WaitForTimersAsync(Math.Max(1, i));
            Assert.False(released.Reader.TryRead(out _));
            debouncer.Add(Endpoints($"svc-{i}"), null);
        }

        clock.Advance(TimeSpan.FromMilliseconds(50));

        var batch = await NextAsync();
        Assert.False(batch.Request.Full);
        Assert.Equal(EndpointMax, batch.ReleasedAt - batch.FirstAt);
        Assert.Equal(6, batch.Request.ConfigsUpdated.Count);
    }

    [Fact]
    public async Task Requests_arriving_during_a_release_form_the_next_batch()
    {
        holdRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        debouncer.Add(Config("a"), null);
        await clock.WaitForTimersAsync(1);
        clock.Advance(After);
        var first = await NextAsync();

        debouncer.Add(Config("b"), null); // the release of "a" is still running
        debouncer.Add(Config("c"), null);
        holdRelease.SetResult();
        await clock.WaitForTimersAsync(2);
        clock.Advance(After);

        var second = await NextAsync();
        Assert.Equal([Key("a")], first.Request.ConfigsUpdated);
        Assert.Equal([Key("b"), Key("c")], second.Request.ConfigsUpdated.OrderBy(k => k.Name));
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task ReleaseAsync(DebouncedBatch batch, CancellationToken cancellationToken)
    {
        released.Writer.TryWrite(batch);
        if (holdRelease is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }
    }

    private async Task<DebouncedBatch> NextAsync() =>
        await released.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    private static ConfigKey Key(string name) => new(ConfigKind.VirtualService, "default", name);

    private static PushRequest Config(string name) => new()
    {
        Full = true,
        ConfigsUpdated = [Key(name)],
        Reasons = System.Collections.Immutable.ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.ConfigUpdate, 1),
    };

    private static PushRequest Endpoints(string service) => new()
    {
        Full = false,
        ConfigsUpdated = [new ConfigKey(ConfigKind.Service, "default", service)],
        Reasons = System.Collections.Immutable.ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.EndpointUpdate, 1),
    };

    private static MeshSnapshot Snapshot(long version) => MeshSnapshot.Empty with { Version = version };
}
