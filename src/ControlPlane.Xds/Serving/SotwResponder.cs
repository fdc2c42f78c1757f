namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using Envoy.Service.Discovery.V3;

/// <summary>
/// Generates and sends one state-of-the-world response for one subscription. CDS and LDS responses always carry every
/// subscribed resource (a missing one is a deletion to the client); EDS on endpoint-only pushes carries just the
/// clusters of the updated services (EDS and RDS responses may be subsets). A type without a generator is answered
/// with an empty response. A full response identical to the last one sent on the subscription is skipped unless forced
/// (requests and EDS after CDS are always answered): the client already has it, or has rejected exactly it.
/// </summary>
internal sealed class SotwResponder(ResourceSource resources, VersionSource versions, StreamTelemetry telemetry)
{
    public IResourceGenerator? GeneratorFor(Proxy proxy, string typeUrl) => resources.GeneratorFor(proxy, typeUrl);

    /// <summary>Returns true if a response was sent.</summary>
    public async Task<bool> SendAsync(
        XdsConnection connection,
        Subscription subscription,
        PushContext push,
        ResponseWriter<DiscoveryResponse> writer,
        bool force,
        IReadOnlySet<string>? onlyHosts,
        CancellationToken cancellationToken)
    {
        var start = telemetry.Time.GetTimestamp();
        var typeUrl = subscription.TypeUrl;
        var watched = Subset(subscription, onlyHosts);
        if (watched is null)
        {
            return false;
        }

        var generator = resources.GeneratorFor(connection.Proxy, typeUrl);
        var generated = generator is null ? GeneratedResources.Empty : resources.Generate(generator, push, connection.Proxy, watched);
        if (generated is null)
        {
            return false;
        }

        var items = onlyHosts is null ? generated.Resources : [.. generated.Resources.Where(r => OfHosts(r.Name, onlyHosts))];
        string? contentHash = null;
        if (onlyHosts is null)
        {
            contentHash = ResourceHasher.HashAll(items);
            if (!force && contentHash == subscription.LastSentContentHash)
            {
                return false;
            }
        }

        var response = new DiscoveryResponse { TypeUrl = typeUrl, VersionInfo = versions.NextVersion(push), Nonce = versions.NextNonce() };
        response.Resources.AddRange(items.Select(r => r.Resource));
        subscription.RecordSent(response.VersionInfo, response.Nonce, telemetry.Now);

        // A subset changes what the client holds without being a full picture: no later full response may be skipped.
        subscription.LastSentContentHash = contentHash;
        connection.Publish(subscription);
        await WriteAsync(connection, writer, response, cancellationToken, start).ConfigureAwait(false);
        return true;
    }

    /// <summary>Writes a response and records it (<c>pilot_xds_pushes</c>, push time, size); a failed write counts as senderr.</summary>
    public async Task WriteAsync(
        XdsConnection connection, ResponseWriter<DiscoveryResponse> writer, DiscoveryResponse response, CancellationToken cancellationToken, long? start = null)
    {
        start ??= telemetry.Time.GetTimestamp();
        try
        {
            await writer.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            telemetry.Metrics.SendFailed(response.TypeUrl);
            throw;
        }

        var bytes = response.Resources.Sum(r => (long)r.Value.Length);
        telemetry.Metrics.Pushed(response.TypeUrl, telemetry.Time.GetElapsedTime(start.Value).TotalSeconds, bytes);
        ServingLog.Sent(telemetry.Logger, connection.Id, response.TypeUrl, response.VersionInfo, response.Nonce, response.Resources.Count, 0);
    }

    /// <summary>The names to generate: the whole subscription, or its clusters of <paramref name="onlyHosts"/> (null if none).</summary>
    private static WatchedResources? Subset(Subscription subscription, IReadOnlySet<string>? onlyHosts)
    {
        if (onlyHosts is null || subscription.Wildcard)
        {
            return subscription.Watch;
        }

        var names = subscription.Names.Where(n => OfHosts(n, onlyHosts)).ToList();
        return names.Count == 0 ? null : WatchedResources.Of(names);
    }

    private static bool OfHosts(string clusterName, IReadOnlySet<string> hosts) =>
        EdsClusterName.HostIn(clusterName, hosts);
}
