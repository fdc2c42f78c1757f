namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Push;
using ControlPlane.Xds.Generation;
using Envoy.Service.Discovery.V3;

/// <summary>
/// Generates and sends one delta response for one subscription: only resources whose content changed for the client,
/// plus removals (<see cref="DeltaResourceDiff"/>); nothing at all when there is no difference, unless the plan says to
/// answer anyway. What is sent becomes what the client holds at once (as istiod does), so a NACKed resource is not
/// resent until its content changes.
/// </summary>
internal sealed class DeltaResponder(ResourceSource resources, VersionSource versions, StreamTelemetry telemetry)
{
    /// <summary>Returns the names of the resources sent (empty if only removals went out), or null if nothing was sent.</summary>
    public async Task<IReadOnlyList<string>?> SendAsync(
        XdsConnection connection,
        Subscription subscription,
        PushContext push,
        ResponseWriter<DeltaDiscoveryResponse> writer,
        DeltaSendPlan plan,
        CancellationToken cancellationToken)
    {
        var start = telemetry.Time.GetTimestamp();
        var generated = Generate(connection, subscription, push, plan);
        if (generated is null)
        {
            return null;
        }

        var diff = DeltaResourceDiff.Compute(subscription, generated.Resources, plan);
        if (diff.IsEmpty && !plan.AlwaysSend)
        {
            return null;
        }

        var response = new DeltaDiscoveryResponse
        {
            TypeUrl = subscription.TypeUrl,
            SystemVersionInfo = versions.NextVersion(push),
            Nonce = versions.NextNonce(),
        };
        foreach (var (resource, version) in diff.Changed)
        {
            response.Resources.Add(new Resource { Name = resource.Name, Version = version, Resource_ = resource.Resource });
        }

        response.RemovedResources.AddRange(diff.Removed);
        DeltaResourceDiff.Apply(subscription, diff);
        subscription.RecordSent(response.SystemVersionInfo, response.Nonce, telemetry.Now);
        connection.Publish(subscription);
        await WriteAsync(connection, writer, response, start, cancellationToken).ConfigureAwait(false);
        return [.. diff.Changed.Select(c => c.Resource.Name)];
    }

    private GeneratedResources? Generate(XdsConnection connection, Subscription subscription, PushContext push, DeltaSendPlan plan)
    {
        if (plan.Names is { Count: 0 })
        {
            return GeneratedResources.Empty;
        }

        var generator = resources.GeneratorFor(connection.Proxy, subscription.TypeUrl);
        if (generator is null)
        {
            return GeneratedResources.Empty;
        }

        var watched = plan.Names is null ? subscription.Watch : WatchedResources.Of(plan.Names);
        return resources.Generate(generator, push, connection.Proxy, watched);
    }

    private async Task WriteAsync(
        XdsConnection connection, ResponseWriter<DeltaDiscoveryResponse> writer, DeltaDiscoveryResponse response, long start, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            telemetry.Metrics.SendFailed(response.TypeUrl);
            throw;
        }

        var bytes = response.Resources.Sum(r => (long)r.Resource_.Value.Length);
        telemetry.Metrics.Pushed(response.TypeUrl, telemetry.Time.GetElapsedTime(start).TotalSeconds, bytes);
        ServingLog.Sent(
            telemetry.Logger, connection.Id, response.TypeUrl, response.SystemVersionInfo, response.Nonce, response.Resources.Count, response.RemovedResources.Count);
    }
}
