namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Push;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;

/// <summary>
/// <see cref="IXdsStatus"/> over the live connections: each call reads the snapshots the connections publish, so it
/// never waits for, or interferes with, a stream. Thread-safe.
/// </summary>
internal sealed class XdsStatus(ConnectionRegistry registry, PushContextHolder contexts, ConfigDumpBuilder dumps, TimeProvider time) : IXdsStatus
{
    public PushContext? CurrentPushContext => contexts.Current;

    public IReadOnlyList<ConnectionStatus> Connections() =>
        registry.All.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.ToStatus()).ToArray();

    public Envoy.Admin.V3.ConfigDump? ConfigDump(string proxyId)
    {
        if (registry.Find(proxyId) is not { } connection)
        {
            return null;
        }

        var versions = connection.ToStatus().Subscriptions.ToDictionary(s => s.TypeUrl, s => s.SentVersion, StringComparer.Ordinal);
        return dumps.Build(connection.Proxy, connection.Watches, versions, contexts.GetOrBuild(), time.GetUtcNow());
    }
}
