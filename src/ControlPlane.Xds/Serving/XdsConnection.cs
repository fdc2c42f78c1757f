namespace ControlPlane.Xds.Serving;

using System.Collections.Immutable;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;

/// <summary>
/// One ADS stream: the proxy, its subscriptions, and its coalescing push queue.
/// Threading: <see cref="Subscriptions"/> belongs to the connection's loop (the stream's only reader of requests and
/// only writer of responses). Other threads see the immutable snapshots the loop publishes after every change
/// (<see cref="Watches"/>, <see cref="ToStatus"/>) and talk to the loop only through <see cref="Enqueue"/>.
/// </summary>
internal sealed class XdsConnection(string id, Proxy proxy, XdsProtocol protocol, DateTimeOffset connectedAt) : IPushTarget
{
    private ImmutableDictionary<string, SubscriptionStatus> statuses = ImmutableDictionary.Create<string, SubscriptionStatus>(StringComparer.Ordinal);
    private ImmutableDictionary<string, WatchedResources> watches = ImmutableDictionary.Create<string, WatchedResources>(StringComparer.Ordinal);

    public string Id { get; } = id;

    public Proxy Proxy { get; } = proxy;

    public XdsProtocol Protocol { get; } = protocol;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>By type URL. Loop-owned: never touch from another thread.</summary>
    public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public CoalescingPushQueue Pushes { get; } = new();

    public IReadOnlyDictionary<string, WatchedResources> Watches => Volatile.Read(ref watches);

    public void Enqueue(PendingPush push) => Pushes.Enqueue(push);

    /// <summary>Publishes the current state of one subscription (loop only).</summary>
    public void Publish(Subscription subscription)
    {
        Volatile.Write(ref statuses, statuses.SetItem(subscription.TypeUrl, subscription.ToStatus()));
        if (!Watches.TryGetValue(subscription.TypeUrl, out var published) || !ReferenceEquals(published, subscription.Watch))
        {
            Volatile.Write(ref watches, watches.SetItem(subscription.TypeUrl, subscription.Watch));
        }
    }

    /// <summary>Withdraws a dropped subscription (loop only).</summary>
    public void Unpublish(string typeUrl)
    {
        Volatile.Write(ref statuses, statuses.Remove(typeUrl));
        Volatile.Write(ref watches, watches.Remove(typeUrl));
    }

    public ConnectionStatus ToStatus() =>
        new(Id, Proxy, Protocol, ConnectedAt, Volatile.Read(ref statuses).Values.OrderBy(s => s.TypeUrl, StringComparer.Ordinal).ToArray());
}
