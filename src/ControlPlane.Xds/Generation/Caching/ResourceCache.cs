namespace ControlPlane.Xds.Generation.Caching;

using System.Collections.Concurrent;
using System.Collections.Immutable;

/// <summary>
/// Packed resources by the complete inputs that produced them: generate once, send to every proxy whose inputs are the
/// same. The key is the builder's only argument (<see cref="GetOrBuild"/> takes a function of the key), so nothing
/// the output depends on can be missing from it; a change to any input is a different key, never a stale hit. The one
/// builder that also reads the generation context (route configurations) has a key that lists what it reads.
/// Entries idle for longer than <see cref="ResourceCacheOptions.IdleTimeout"/> are dropped, and above
/// <see cref="ResourceCacheOptions.Capacity"/> the least recently used tenth goes, so memory tracks the live mesh.
/// Concurrent misses on one key build once. Thread-safe.
/// </summary>
internal sealed class ResourceCache<TKey>
    where TKey : notnull, IEquatable<TKey>
{
    private const int SweepEveryInserts = 1024;

    private readonly ConcurrentDictionary<TKey, CacheEntry> entries = new();
    private readonly ResourceCacheOptions options;
    private readonly TimeProvider time;
    private readonly IResourceCacheMetrics metrics;
    private readonly Lock sweepLock = new();
    private int insertsSinceSweep;

    public ResourceCache(string type, ResourceCacheOptions options, TimeProvider time, IResourceCacheMetrics metrics)
    {
        Type = type;
        this.options = options;
        this.time = time;
        this.metrics = metrics;
    }

    /// <summary>istiod's typed-cache name (<c>cds</c>, <c>eds</c>, ...), for metrics and debug output.</summary>
    public string Type { get; }

    public int Count => entries.Count;

    public ImmutableArray<NamedResource> GetOrBuild(TKey key, Func<TKey, ImmutableArray<NamedResource>> build)
    {
        if (!options.Enabled)
        {
            return build(key);
        }

        var now = time.GetTimestamp();
        if (entries.TryGetValue(key, out var existing))
        {
            existing.Touch(now);
            metrics.CacheRead(hit: true);
            return existing.Value;
        }

        var created = new CacheEntry(() => build(key), now);
        var entry = entries.GetOrAdd(key, created);
        metrics.CacheRead(hit: !ReferenceEquals(entry, created));
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed build is not remembered: the next request tries again.
            entries.TryRemove(new KeyValuePair<TKey, CacheEntry>(key, entry));
            throw;
        }
        finally
        {
            if (ReferenceEquals(entry, created) && Interlocked.Increment(ref insertsSinceSweep) >= SweepEveryInserts)
            {
                Sweep();
            }
        }
    }

    /// <summary>Drops idle entries, then the least recently used tenth while over capacity.</summary>
    public void Sweep()
    {
        if (!sweepLock.TryEnter())
        {
            return;
        }

        try
        {
            Interlocked.Exchange(ref insertsSinceSweep, 0);
            var now = time.GetTimestamp();
            var idle = 0;
            foreach (var (key, entry) in entries)
            {
                if (time.GetElapsedTime(entry.LastUsed, now) > options.IdleTimeout && entries.TryRemove(new(key, entry)))
                {
                    idle++;
                }
            }

            var overCapacity = 0;
            if (entries.Count > options.Capacity)
            {
                var excess = entries.Count - options.Capacity + (options.Capacity / 10);
                foreach (var (key, entry) in entries.OrderBy(e => e.Value.LastUsed).Take(excess).ToList())
                {
                    overCapacity += entries.TryRemove(new(key, entry)) ? 1 : 0;
                }
            }

            metrics.CacheEvicted(idle: idle, overCapacity: overCapacity);
        }
        finally
        {
            sweepLock.Exit();
        }
    }

    private sealed class CacheEntry(Func<ImmutableArray<NamedResource>> build, long created)
    {
        private readonly Lazy<ImmutableArray<NamedResource>> value = new(build, LazyThreadSafetyMode.ExecutionAndPublication);
        private long lastUsed = created;

        public ImmutableArray<NamedResource> Value => value.Value;

        public long LastUsed => Volatile.Read(ref lastUsed);

        public void Touch(long now) => Volatile.Write(ref lastUsed, now);
    }
}
