namespace ControlPlane.Kubernetes.Informers;

using System.Collections.Immutable;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;

/// <summary>
/// List + watch of one resource type into an immutable cache, with the reflector semantics of client-go: list, then watch
/// from the list's resourceVersion and track the latest resourceVersion from every event and bookmark; a dropped or
/// closed watch resumes from that resourceVersion (so nothing is lost or repeated); <c>410 Gone</c> (as an HTTP status or
/// a watch ERROR event) is answered by a relist whose difference from the cache is emitted as exactly the adds, updates
/// and deletes that happened; any other failure is retried with capped, jittered exponential backoff.
/// </summary>
/// <remarks>
/// Thread-safety: <see cref="RunAsync"/> is the only writer; <see cref="Snapshot"/> can be read from any thread. Handlers
/// run on the informer loop, one event at a time, after the snapshot already includes the change; they must not block.
/// </remarks>
public sealed class ResourceInformer<T> : IResourceInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceClient<T> client;
    private readonly InformerOptions options;
    private readonly ILogger logger;
    private readonly InformerBackoff backoff;
    private readonly List<Action<ResourceEvent<T>>> handlers = [];
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ResourceSnapshot<T> snapshot = ResourceSnapshot<T>.Empty;
    private int listCount;
    private int watchCount;

    public ResourceInformer(string resourceName, IResourceClient<T> client, InformerOptions options, ILogger logger)
    {
        ResourceName = resourceName;
        this.client = client;
        this.options = options;
        this.logger = logger;
        backoff = new InformerBackoff(options.InitialBackoff, options.MaxBackoff);
    }

    /// <summary>What is watched, for logs: <c>pods</c>, <c>virtualservices.networking.istio.io</c>.</summary>
    public string ResourceName { get; }

    public ResourceSnapshot<T> Snapshot => Volatile.Read(ref snapshot);

    /// <summary>True once the first list is in the cache (and its events were handled).</summary>
    public bool HasSynced => synced.Task.IsCompletedSuccessfully;

    /// <summary>List requests made, including relists after 410 Gone.</summary>
    public int ListCount => Volatile.Read(ref listCount);

    /// <summary>Watch requests made.</summary>
    public int WatchCount => Volatile.Read(ref watchCount);

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    /// <summary>Adds a handler of cache changes. Call before <see cref="RunAsync"/>.</summary>
    public void AddHandler(Action<ResourceEvent<T>> handler) => handlers.Add(handler);

    /// <summary>Lists and watches until <paramref name="cancellationToken"/> is cancelled. Never throws otherwise.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var needsList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan? delay = null;
            var justListed = false;
            try
            {
                if (needsList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    needsList = false;
                    justListed = true;
                }

                switch (await WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    case WatchOutcome.Expired:
                        // Expired at once after a fresh list: relisting in a tight loop would only load the API server.
                        delay = justListed ? backoff.Next() : null;
                        needsList = true;
                        break;
                    case WatchOutcome.Progressed:
                        backoff.Reset();
                        break;
                    default:
                        delay = backoff.Next();
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (WatchErrorTracker.IsGone(ex))
            {
                InformerLog.Expired(logger, ResourceName, Snapshot.ResourceVersion);
                delay = justListed ? backoff.Next() : null;
                needsList = true;
            }
            catch (Exception ex)
            {
                delay = backoff.Next();
                InformerLog.Failed(logger, ex, ResourceName, needsList ? "list" : "watch", backoff.Failures, (long)delay.Value.TotalMilliseconds);
            }

            if (delay is { } wait && !await DelayAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }
    }

    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static ResourceKey KeyOf(T item) => new(item.Metadata?.NamespaceProperty ?? "", item.Metadata?.Name ?? "");

    private static string VersionOf(T item) => item.Metadata?.ResourceVersion ?? "";

    /// <summary>Replaces the cache with a fresh list and emits the difference, so a relist reports each change once.</summary>
    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref listCount);
        var list = await client.ListAsync(cancellationToken).ConfigureAwait(false);
        var previous = Snapshot.Items;
        var builder = ImmutableDictionary.CreateBuilder<ResourceKey, T>();
        foreach (var item in list.Items)
        {
            builder[KeyOf(item)] = item;
        }

        var next = builder.ToImmutable();
        var changes = new List<ResourceEvent<T>>();
        foreach (var (key, item) in next)
        {
            if (!previous.TryGetValue(key, out var old))
            {
                changes.Add(new ResourceEvent<T>(ResourceEventType.Added, key, item));
            }
            else if (VersionOf(old) != VersionOf(item))
            {
                changes.Add(new ResourceEvent<T>(ResourceEventType.Updated, key, item));
            }
        }

        changes.AddRange(previous.Where(p => !next.ContainsKey(p.Key)).Select(p => new ResourceEvent<T>(ResourceEventType.Deleted, p.Key, p.Value)));
        Volatile.Write(ref snapshot, new ResourceSnapshot<T>(next, list.ResourceVersion));
        changes.ForEach(Notify);
        backoff.Reset();
        var added = changes.Count(c => c.Type == ResourceEventType.Added);
        var deleted = changes.Count(c => c.Type == ResourceEventType.Deleted);
        InformerLog.Listed(logger, ResourceName, next.Count, list.ResourceVersion, added, changes.Count - added - deleted, deleted);
        synced.TrySetResult();
    }

    private async Task<WatchOutcome> WatchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref watchCount);
        var from = Snapshot.ResourceVersion;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new WatchErrorTracker(watch, message => InformerLog.WatchError(logger, ResourceName, message));
        var timeout = (int)(options.MinWatchTimeout.TotalSeconds * (1 + Random.Shared.NextDouble()));
        var events = 0;
        try
        {
            await foreach (var (type, item) in client.WatchAsync(from, timeout, errors.OnError, watch.Token).ConfigureAwait(false))
            {
                events++;
                Apply(type, item);
            }
        }
        catch (OperationCanceledException) when (errors.Gone && !cancellationToken.IsCancellationRequested)
        {
        }

        InformerLog.WatchEnded(logger, ResourceName, from, events);
        if (errors.Gone)
        {
            InformerLog.Expired(logger, ResourceName, Snapshot.ResourceVersion);
            return WatchOutcome.Expired;
        }

        return errors.Failure is { } failure ? throw failure : events > 0 ? WatchOutcome.Progressed : WatchOutcome.Idle;
    }

    /// <summary>
    /// Applies one watch event. An event whose object the cache already holds at the same resourceVersion (a replay) and
    /// a delete of an object the cache does not hold change nothing and are not emitted.
    /// </summary>
    private void Apply(WatchEventType type, T item)
    {
        var current = Snapshot;
        var version = VersionOf(item);
        var items = current.Items;
        ResourceEvent<T>? change = null;
        var key = KeyOf(item);
        switch (type)
        {
            case WatchEventType.Added or WatchEventType.Modified:
                var known = items.TryGetValue(key, out var old);
                if (!known || VersionOf(old!) != version)
                {
                    items = items.SetItem(key, item);
                    change = new ResourceEvent<T>(known ? ResourceEventType.Updated : ResourceEventType.Added, key, item);
                }

                break;
            case WatchEventType.Deleted when items.ContainsKey(key):
                items = items.Remove(key);
                change = new ResourceEvent<T>(ResourceEventType.Deleted, key, item);
                break;
        }

        Volatile.Write(ref snapshot, new ResourceSnapshot<T>(items, version.Length > 0 ? version : current.ResourceVersion));
        if (change is not null)
        {
            Notify(change);
        }
    }

    private void Notify(ResourceEvent<T> change)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception ex)
            {
                InformerLog.HandlerFailed(logger, ex, ResourceName);
            }
        }
    }
}
