namespace ControlPlane.Host.Monitoring;

using ControlPlane.Xds;
using ControlPlane.Xds.Status;

/// <summary>
/// <c>/debug/syncz</c>: one entry per connected proxy in istiod's shape (<c>proxy</c>, <c>{cluster,listener,route,endpoint}_{sent,acked}</c>
/// nonces), plus per-type detail: versions, sync state and the last NACK message.
/// </summary>
internal static class SynczEndpoint
{
    public static IResult Handle(IXdsStatus status) =>
        Results.Json(status.Connections().Select(Render).ToList(), DebugJson.Options);

    private static Dictionary<string, object?> Render(ConnectionStatus connection)
    {
        var entry = new Dictionary<string, object?>
        {
            ["cluster_id"] = connection.Proxy.ClusterId,
            ["proxy"] = connection.Proxy.Id,
            ["proxy_type"] = connection.Proxy.Type.ToString().ToLowerInvariant(),
            ["proxy_kind"] = connection.Proxy.Kind.ToString(),
            ["istio_version"] = connection.Proxy.IstioVersion,
            ["connection_id"] = connection.ConnectionId,
            ["protocol"] = connection.Protocol == XdsProtocol.Delta ? "delta" : "sotw",
            ["connected_at"] = connection.ConnectedAt,
        };
        foreach (var (typeUrl, field) in NonceFields)
        {
            var subscription = connection.Subscriptions.FirstOrDefault(s => s.TypeUrl == typeUrl);
            entry[$"{field}_sent"] = subscription?.SentNonce ?? "";
            entry[$"{field}_acked"] = subscription?.AckedNonce ?? "";
        }

        entry["resources"] = connection.Subscriptions.ToDictionary(s => TypeUrls.ShortName(s.TypeUrl), s => new Dictionary<string, object?>
        {
            ["type_url"] = s.TypeUrl,
            ["state"] = s.SyncState,
            ["wildcard"] = s.Wildcard,
            ["names"] = s.ResourceNames,
            ["sent_version"] = s.SentVersion,
            ["sent_nonce"] = s.SentNonce,
            ["sent_time"] = s.SentAt,
            ["acked_version"] = s.AckedVersion,
            ["acked_nonce"] = s.AckedNonce,
            ["last_error"] = s.LastNack is null ? null : new Dictionary<string, object?>
            {
                ["nonce"] = s.LastNack.Nonce,
                ["kept_version"] = s.LastNack.KeptVersion,
                ["message"] = s.LastNack.Message,
                ["time"] = s.LastNack.At,
            },
        });
        return entry;
    }

    private static readonly (string TypeUrl, string Field)[] NonceFields =
    [
        (TypeUrls.Cluster, "cluster"),
        (TypeUrls.Listener, "listener"),
        (TypeUrls.Route, "route"),
        (TypeUrls.Endpoint, "endpoint"),
    ];
}
