namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.State;
using Envoy.Service.Discovery.V3;
using Grpc.Core;

/// <summary>
/// envoy.service.discovery.v3.AggregatedDiscoveryService: the two ADS RPCs and nothing else (sidecars and proxyless gRPC
/// use ADS only). When the host tracks source readiness, streams wait until every source has delivered its initial
/// state, so no proxy is ever served a partial mesh.
/// </summary>
internal sealed class AdsService(SotwStreamHandler sotw, DeltaStreamHandler delta, MeshReadiness? readiness = null)
    : AggregatedDiscoveryService.AggregatedDiscoveryServiceBase
{
    public override async Task StreamAggregatedResources(
        IAsyncStreamReader<DiscoveryRequest> requestStream, IServerStreamWriter<DiscoveryResponse> responseStream, ServerCallContext context)
    {
        await WaitUntilReadyAsync(context.CancellationToken).ConfigureAwait(false);
        await sotw.HandleAsync(requestStream, responseStream, StreamContext.From(context)).ConfigureAwait(false);
    }

    public override async Task DeltaAggregatedResources(
        IAsyncStreamReader<DeltaDiscoveryRequest> requestStream, IServerStreamWriter<DeltaDiscoveryResponse> responseStream, ServerCallContext context)
    {
        await WaitUntilReadyAsync(context.CancellationToken).ConfigureAwait(false);
        await delta.HandleAsync(requestStream, responseStream, StreamContext.From(context)).ConfigureAwait(false);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        if (readiness is null || readiness.IsReady)
        {
            return;
        }

        try
        {
            await readiness.WhenReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "mesh sources failed their initial sync; try again later"));
        }
    }
}
