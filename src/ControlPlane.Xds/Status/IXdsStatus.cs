namespace ControlPlane.Xds.Status;

using ControlPlane.Model.Push;

/// <summary>
/// Read-only view of the ADS server for debug endpoints and tests. Every call returns an immutable snapshot; callers may
/// hold it as long as they like.
/// </summary>
public interface IXdsStatus
{
    /// <summary>The push context the most recent push was computed from (null before the first).</summary>
    PushContext? CurrentPushContext { get; }

    IReadOnlyList<ConnectionStatus> Connections();

    /// <summary>
    /// The configuration the proxy would be sent now, rendered as an Envoy <c>envoy.admin.v3.ConfigDump</c> (clusters,
    /// listeners, routes, endpoints). <paramref name="proxyId"/> is the full node id or the <c>pod.namespace</c> form.
    /// Null when no such proxy is connected.
    /// </summary>
    Envoy.Admin.V3.ConfigDump? ConfigDump(string proxyId);
}
