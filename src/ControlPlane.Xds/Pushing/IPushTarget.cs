namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation;

/// <summary>A connection as the scheduler sees it. Implementations are thread-safe; <see cref="Enqueue"/> never blocks.</summary>
internal interface IPushTarget
{
    string Id { get; }

    Proxy Proxy { get; }

    /// <summary>The latest published subscriptions by type URL (an immutable snapshot).</summary>
    IReadOnlyDictionary<string, WatchedResources> Watches { get; }

    void Enqueue(PendingPush push);
}
