namespace ControlPlane.Xds.Serving;

using System.Collections.Concurrent;
using System.Globalization;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Metrics;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;

/// <summary>
/// The live connections, by connection id (<c>&lt;pod.namespace&gt;-&lt;counter&gt;</c>, as istiod names them). Keeps the
/// <c>pilot_xds</c> gauge and the per-type reject gauges consistent with what is connected. Thread-safe.
/// </summary>
internal sealed class ConnectionRegistry(XdsMetrics metrics, TimeProvider time) : IPushTargetSource
{
    private readonly ConcurrentDictionary<string, XdsConnection> connections = new(StringComparer.Ordinal);
    private long counter;

    public IReadOnlyCollection<IPushTarget> Targets => [.. connections.Values];

    public IReadOnlyCollection<XdsConnection> All => [.. connections.Values];

    public XdsConnection Open(Proxy proxy, XdsProtocol protocol)
    {
        var name = proxy.ShortId.Length > 0 ? proxy.ShortId : proxy.Id;
        var id = string.Create(CultureInfo.InvariantCulture, $"{name}-{Interlocked.Increment(ref counter)}");
        var connection = new XdsConnection(id, proxy, protocol, time.GetUtcNow());
        connections[id] = connection;
        metrics.Connected(proxy.IstioVersion);
        return connection;
    }

    /// <summary>Removes a connection once its loop has ended (so its subscriptions are no longer changing).</summary>
    public void Close(XdsConnection connection)
    {
        if (!connections.TryRemove(connection.Id, out _))
        {
            return;
        }

        metrics.Disconnected(connection.Proxy.IstioVersion);
        foreach (var subscription in connection.Subscriptions.Values.Where(s => s.Nacking))
        {
            metrics.NackingChanged(subscription.TypeUrl, -1);
        }
    }

    /// <summary>The newest connection of a proxy, by full node id or by its <c>pod.namespace</c> form.</summary>
    public XdsConnection? Find(string proxyId) =>
        connections.Values
            .Where(c => c.Proxy.Id == proxyId || c.Proxy.ShortId == proxyId)
            .OrderByDescending(c => c.ConnectedAt)
            .FirstOrDefault();
}
