namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Status;
using Envoy.Service.Discovery.V3;
using Grpc.Core;

/// <summary>
/// StreamAggregatedResources: state-of-the-world ADS. Requests follow <see cref="SotwRequestRules"/> and are answered from
/// the current push context; pushes send the planned types in istiod's order (<see cref="PushTypePlanner"/>). Every CDS
/// response is followed by EDS for the watched clusters: Envoy re-warms updated clusters and waits for their endpoints,
/// and its next EDS request may look like a plain ACK (envoyproxy/envoy#13009; istiod flags the EDS watch instead).
/// istiod's debug types (istioctl) are answered by <see cref="DebugResponder"/>.
/// </summary>
internal sealed class SotwStreamHandler(
    ConnectionRunner runner, SotwResponder responder, DebugResponder debug, PushContextHolder contexts, StreamTelemetry telemetry)
    : IStreamProtocol<DiscoveryRequest, DiscoveryResponse>
{
    public Task HandleAsync(IAsyncStreamReader<DiscoveryRequest> requests, IAsyncStreamWriter<DiscoveryResponse> responses, StreamContext stream) =>
        runner.ServeAsync(XdsProtocol.StateOfTheWorld, static (r) => r.Node, requests, responses, stream, this);

    public async Task OnRequestAsync(XdsConnection connection, DiscoveryRequest request, ResponseWriter<DiscoveryResponse> writer, CancellationToken cancellationToken)
    {
        if (DebugResponder.IsDebugType(request.TypeUrl))
        {
            await responder.WriteAsync(connection, writer, debug.Respond(request), cancellationToken).ConfigureAwait(false);
            return;
        }

        var decision = SotwRequestRules.Evaluate(connection.Subscriptions, request, telemetry.Now);
        telemetry.Record(connection, decision, request.TypeUrl, request.ResponseNonce);
        if (decision.Outcome == RequestOutcome.Unsubscribe)
        {
            connection.Unpublish(request.TypeUrl);
            return;
        }

        if (decision.Subscription is not { } subscription || decision.Outcome == RequestOutcome.Stale)
        {
            return;
        }

        if (!decision.Respond)
        {
            connection.Publish(subscription);
            return;
        }

        var push = contexts.GetOrBuild();
        var sent = await responder.SendAsync(connection, subscription, push, writer, force: true, onlyHosts: null, cancellationToken).ConfigureAwait(false);
        if (sent && subscription.TypeUrl == TypeUrls.Cluster && connection.Subscriptions.TryGetValue(TypeUrls.Endpoint, out var endpoints))
        {
            await responder.SendAsync(connection, endpoints, push, writer, force: true, onlyHosts: null, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnPushAsync(XdsConnection connection, PendingPush push, ResponseWriter<DiscoveryResponse> writer, CancellationToken cancellationToken)
    {
        var plan = PushTypePlanner.Plan(push.Request, connection.Subscriptions.Keys, t => responder.GeneratorFor(connection.Proxy, t));
        telemetry.PushStarted(connection, push, plan);
        var context = contexts.Newest(push.Context);
        var clustersSent = false;
        foreach (var type in plan)
        {
            if (!connection.Subscriptions.TryGetValue(type.TypeUrl, out var subscription) || (type.AfterClusters && !clustersSent && !type.Affected))
            {
                continue;
            }

            var force = type.AfterClusters && clustersSent;
            var sent = await responder.SendAsync(connection, subscription, context, writer, force, type.OnlyHosts, cancellationToken).ConfigureAwait(false);
            clustersSent |= sent && type.TypeUrl == TypeUrls.Cluster;
        }

        telemetry.PushFinished(push);
    }
}
