namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Xds.Metrics;
using Microsoft.Extensions.Logging;

/// <summary>
/// Receives every mesh change (<see cref="IPushRequestSink"/>), debounces, then per released batch: builds the next push
/// context, selects the affected connections (<see cref="PushTargetSelector"/>) and queues the push on each; the
/// connections generate and send it themselves, throttled by <see cref="PushThrottle"/>. Releases are sequential (the
/// debouncer awaits each), so connections see contexts in order.
/// </summary>
internal sealed class PushScheduler(
    Debouncer debouncer, PushContextHolder contexts, IPushTargetSource targets, XdsMetrics metrics, ILogger<PushScheduler> logger)
    : IPushRequestSink
{
    /// <summary>The last released pushes with their reasons, keys and selected connections (<c>/debug/push_status</c>).</summary>
    public RecentPushes Recent { get; } = new();

    /// <summary>
    /// Subscribes to the store. A proxy may already have been answered from a context built before this; anything the
    /// store applied since is pushed to it (a global push, since those changes' requests were never seen).
    /// </summary>
    public void Attach(MeshStore store)
    {
        store.Subscribe(this);
        var snapshot = store.Current;
        if (contexts.Current is { } current && snapshot.Version > current.Version)
        {
            debouncer.Add(PushRequest.Global(PushReason.GlobalUpdate), snapshot);
        }
    }

    /// <summary>
    /// The push once every source has synced: a global push through the debouncer (merged with anything still pending),
    /// unless a connection already built the first context. Nobody is connected yet, so it builds the context and the
    /// mesh-size gauges and selects no one.
    /// </summary>
    public void PushInitial(MeshStore store)
    {
        if (contexts.Current is null)
        {
            debouncer.Add(PushRequest.Global(PushReason.GlobalUpdate), store.Current);
        }
    }

    /// <summary>Called under the store's lock: only hands the request to the debouncer, which merges it without blocking.</summary>
    public void Enqueue(PushRequest request, MeshSnapshot snapshot) => debouncer.Add(request, snapshot);

    public Task RunAsync(CancellationToken cancellationToken) => debouncer.RunAsync(PushAsync, cancellationToken);

    /// <summary>Pushes one released batch; never throws (a failed push is logged and counted, the next one starts fresh).</summary>
    internal Task PushAsync(DebouncedBatch batch, CancellationToken cancellationToken)
    {
        var request = batch.Request;
        var version = batch.Snapshot?.Version ?? -1;
        try
        {
            var (previous, next, buildTime) = contexts.Advance(request, batch.Snapshot);
            version = next.Version;
            metrics.Debounced((batch.ReleasedAt - batch.FirstAt + buildTime).TotalSeconds);
            metrics.Triggered(request);
            PushLog.PushReleased(logger, version, request.Full, new PushRequestText(request), request.ConfigsUpdated.Count);

            var hosts = PushTargetSelector.UpdatedHosts(request);
            var all = targets.Targets;
            var tally = new PushSelectionTally();
            var logEach = logger.IsEnabled(LogLevel.Debug);
            var requestText = new PushRequestText(request);
            foreach (var target in all)
            {
                var selection = PushTargetSelector.Select(target, request, hosts, previous, next);
                if (selection != PushSelection.None)
                {
                    target.Enqueue(new PendingPush(request, next, batch.ReleasedAt));
                    tally.Add(selection, target.Proxy.Id);
                    if (logEach)
                    {
                        PushLog.ProxySelected(logger, version, target.Proxy.Id, selection, requestText);
                    }
                }
            }

            Recent.Record(batch, version, tally, all.Count, buildTime);
            metrics.MeshSize(next);
            PushLog.PushQueued(logger, version, tally.Total, all.Count, buildTime.TotalMilliseconds);
        }
        catch (Exception e)
        {
            metrics.InternalError();
            PushLog.PushFailed(logger, version, e);
        }

        return Task.CompletedTask;
    }
}
