namespace ControlPlane.Xds.Tests.Generation.Caching;

using System.Collections.Immutable;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Caching;
using Google.Protobuf.WellKnownTypes;

public sealed class ResourceCacheTests
{
    private static readonly ResourceCacheOptions Options = new(true, Capacity: 100, IdleTimeout: TimeSpan.FromMinutes(1));

    [Fact]
    public void Second_read_of_a_key_is_a_hit_returning_the_same_resources()
    {
        var metrics = new CountingMetrics();
        var cache = new ResourceCache<string>("cds", Options, new ManualTimeProvider(), metrics);
        var builds = 0;

        var first = cache.GetOrBuild("a", k => Build(k, ref builds));
        var second = cache.GetOrBuild("a", k => Build(k, ref builds));

        Assert.Equal(1, builds);
        Assert.Same(first[0].Resource, second[0].Resource);
        Assert.Equal((1, 1), (metrics.Hits, metrics.Misses));
    }

    [Fact]
    public void Different_keys_build_separately()
    {
        var cache = new ResourceCache<string>("cds", Options, new ManualTimeProvider(), new CountingMetrics());
        var builds = 0;

        var a = cache.GetOrBuild("a", k => Build(k, ref builds));
        var b = cache.GetOrBuild("b", k => Build(k, ref builds));

        Assert.Equal(2, builds);
        Assert.Equal(["a", "b"], new[] { a[0].Name, b[0].Name });
    }

    [Fact]
    public async Task Concurrent_misses_on_one_key_build_once()
    {
        var cache = new ResourceCache<string>("eds", Options, new ManualTimeProvider(), new CountingMetrics());
        var builds = 0;
        using var gate = new ManualResetEventSlim();

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetOrBuild("a", k =>
        {
            Interlocked.Increment(ref builds);
            gate.Wait(TimeSpan.FromSeconds(5));
            return Resources(k);
        }))).ToList();
        await Task.Delay(100);
        gate.Set();
        var results = await Task.WhenAll(readers);

        Assert.Equal(1, builds);
        Assert.All(results, r => Assert.Same(results[0][0].Resource, r[0].Resource));
    }

    [Fact]
    public void A_failed_build_is_not_remembered()
    {
        var cache = new ResourceCache<string>("cds", Options, new ManualTimeProvider(), new CountingMetrics());

        Assert.Throws<InvalidOperationException>(() => cache.GetOrBuild("a", _ => throw new InvalidOperationException("boom")));
        var builds = 0;
        var retried = cache.GetOrBuild("a", k => Build(k, ref builds));

        Assert.Equal(1, builds);
        Assert.Equal("a", retried[0].Name);
    }

    [Fact]
    public void Sweep_drops_entries_idle_longer_than_the_timeout_and_keeps_recent_ones()
    {
        var time = new ManualTimeProvider();
        var metrics = new CountingMetrics();
        var cache = new ResourceCache<string>("cds", Options, time, metrics);
        var builds = 0;
        cache.GetOrBuild("old", k => Build(k, ref builds));
        time.Advance(TimeSpan.FromSeconds(50));
        cache.GetOrBuild("recent", k => Build(k, ref builds));
        time.Advance(TimeSpan.FromSeconds(20));

        cache.Sweep();

        Assert.Equal(1, cache.Count);
        Assert.Equal(1, metrics.Idle);
        cache.GetOrBuild("recent", k => Build(k, ref builds));
        Assert.Equal(2, builds);
    }

    [Fact]
    public void A_read_keeps_an_entry_alive()
    {
        var time = new ManualTimeProvider();
        var cache = new ResourceCache<string>("cds", Options, time, new CountingMetrics());
        var builds = 0;
        cache.GetOrBuild("a", k => Build(k, ref builds));
        time.Advance(TimeSpan.FromSeconds(50));
        cache.GetOrBuild("a", k => Build(k, ref builds));
        time.Advance(TimeSpan.FromSeconds(50));

        cache.Sweep();

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Over_capacity_the_least_recently_used_go_first()
    {
        var time = new ManualTimeProvider();
        var metrics = new CountingMetrics();
        var cache = new ResourceCache<int>("eds", Options with { Capacity = 10 }, time, metrics);
        var builds = 0;
        for (var i = 0; i < 15; i++)
        {
            cache.GetOrBuild(i, k => Build(k.ToString(), ref builds));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        cache.Sweep();

        Assert.Equal(9, cache.Count);
        Assert.Equal(6, metrics.OverCapacity);
        builds = 0;
        cache.GetOrBuild(14, k => Build(k.ToString(), ref builds));
        cache.GetOrBuild(0, k => Build(k.ToString(), ref builds));
        Assert.Equal(1, builds);
    }

    [Fact]
    public void A_disabled_cache_builds_every_time_and_stores_nothing()
    {
        var cache = new ResourceCache<string>("cds", ResourceCacheOptions.Disabled, new ManualTimeProvider(), new CountingMetrics());
        var builds = 0;

        cache.GetOrBuild("a", k => Build(k, ref builds));
        cache.GetOrBuild("a", k => Build(k, ref builds));

        Assert.Equal(2, builds);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Identity_keys_compare_references_not_contents()
    {
        var a = new List<int> { 1 };
        var b = new List<int> { 1 };

        Assert.Equal(new Identity<List<int>>(a), new Identity<List<int>>(a));
        Assert.NotEqual(new Identity<List<int>>(a), new Identity<List<int>>(b));
        Assert.Equal(new Identity<List<int>>(null), new Identity<List<int>>(null));
    }

    private static ImmutableArray<NamedResource> Build(string key, ref int builds)
    {
        builds++;
        return Resources(key);
    }

    private static ImmutableArray<NamedResource> Resources(string key) =>
        [new NamedResource(key, Any.Pack(new StringValue { Value = key }))];

    private sealed class CountingMetrics : IResourceCacheMetrics
    {
        private int hits;
        private int misses;

        public int Hits => hits;

        public int Misses => misses;

        public int Idle { get; private set; }

        public int OverCapacity { get; private set; }

        public void CacheRead(bool hit) => Interlocked.Increment(ref hit ? ref hits : ref misses);

        public void CacheEvicted(int idle, int overCapacity)
        {
            Idle += idle;
            OverCapacity += overCapacity;
        }
    }
}
