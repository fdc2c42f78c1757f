namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Push;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;
using Envoy.Service.Discovery.V3;
using Grpc.Core;

/// <summary>
/// DeltaAggregatedResources: incremental ADS. Requests follow <see cref="DeltaRequestRules"/>; responses carry only what
/// changed for the client (<see cref="DeltaResponder"/>). Whenever CDS sends clusters, EDS for those clusters follows,
/// even if unchanged (istiod's <c>forceEDSPush</c>): Envoy re-warms updated clusters and waits for their endpoints.
/// </summary>
internal sealed class DeltaStreamHandler(
    ConnectionRunner runner, DeltaResponder responder, ResourceSource resources, PushContextHolder contexts, StreamTelemetry telemetry)
    : IStreamProtocol<DeltaDiscoveryRequest, DeltaDiscoveryResponse>
{
    public Task HandleAsync(IAsyncStreamReader<DeltaDiscoveryRequest> requests, IAsyncStreamWriter<DeltaDiscoveryResponse> responses, StreamContext stream) =>
        runner.ServeAsync(XdsProtocol.Delta, static (r) => r.Node, requests, responses, stream, this);

    public async Task OnRequestAsync(
        XdsConnection connection, DeltaDiscoveryRequest request, ResponseWriter<DeltaDiscoveryResponse> writer, CancellationToken cancellationToken)
    {
        var decision = DeltaRequestRules.Evaluate(connection.Subscriptions, request, telemetry.Now);
        telemetry.Record(connection, decision, request.TypeUrl, request.ResponseNonce);
        var subscription = decision.Subscription!;
        if (!decision.Respond)
        {
            connection.Publish(subscription);
            return;
        }

        var plan = decision.IsNew ? DeltaSendPlan.NewSubscription(decision.Removed) : DeltaSendPlan.Changes(decision.Added, decision.Removed);
        var push = contexts.GetOrBuild();
        var sent = await responder.SendAsync(connection, subscription, push, writer, plan, cancellationToken).ConfigureAwait(false);
        if (subscription.TypeUrl == TypeUrls.Cluster && sent is { Count: > 0 })
        {
            await ResendEndpointsAsync(connection, sent, affected: false, push, writer, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnPushAsync(XdsConnection connection, PendingPush push, ResponseWriter<DeltaDiscoveryResponse> writer, CancellationToken cancellationToken)
    {
        var plan = PushTypePlanner.Plan(push.Request, connection.Subscriptions.Keys, t => resources.GeneratorFor(connection.Proxy, t));
        telemetry.PushStarted(connection, push, plan);
        var context = contexts.Newest(push.Context);
        IReadOnlyList<string> clusters = [];
        foreach (var type in plan)
        {
            if (!connection.Subscriptions.TryGetValue(type.TypeUrl, out var subscription))
            {
                continue;
            }

            if (type.AfterClusters)
            {
                await ResendEndpointsAsync(connection, clusters, type.Affected, context, writer, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var sendPlan = type.OnlyHosts is { } hosts && !subscription.Wildcard
                ? DeltaSendPlan.Only([.. subscription.Names.Where(n => EdsClusterName.HostIn(n, hosts))])
                : DeltaSendPlan.Whole;
            var sent = await responder.SendAsync(connection, subscription, context, writer, sendPlan, cancellationToken).ConfigureAwait(false);
            if (type.TypeUrl == TypeUrls.Cluster)
            {
                clusters = sent ?? [];
            }
        }

        telemetry.PushFinished(push);
    }

    /// <summary>
    /// EDS after CDS: the watched endpoints of the clusters just sent are sent again even if unchanged; when the push also
    /// affects EDS (<paramref name="affected"/>), every other watched cluster gets the usual diff in the same response.
    /// </summary>
    private async Task ResendEndpointsAsync(
        XdsConnection connection, IReadOnlyList<string> clusters, bool affected, PushContext push,
        ResponseWriter<DeltaDiscoveryResponse> writer, CancellationToken cancellationToken)
    {
        if (!connection.Subscriptions.TryGetValue(TypeUrls.Endpoint, out var endpoints))
        {
            return;
        }

        var forced = clusters.Where(c => endpoints.Wildcard || endpoints.Names.Contains(c)).ToHashSet(StringComparer.Ordinal);
        if (forced.Count == 0 && !affected)
        {
            return;
        }

        var plan = DeltaSendPlan.Resend(affected ? null : forced, forced);
        await responder.SendAsync(connection, endpoints, push, writer, plan, cancellationToken).ConfigureAwait(false);
    }
}
