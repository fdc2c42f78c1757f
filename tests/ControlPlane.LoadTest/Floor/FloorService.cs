namespace ControlPlane.LoadTest.Floor;

using System.Collections.Frozen;
using Envoy.Service.Discovery.V3;
using Grpc.Core;

/// <summary>
/// The floor's delta ADS handler: no model, no generation, no diffing. On a client's first subscription to a type it
/// writes, as they are, the serialized responses that client received from the control plane for that type; ACKs and
/// later requests are read and dropped. What remains is gRPC, HTTP/2 and the clients: the cost no control plane avoids.
/// </summary>
internal sealed class FloorService(FrozenDictionary<string, IReadOnlyList<(string TypeUrl, byte[] Bytes)>> replay)
{
    public async Task HandleAsync(IAsyncStreamReader<DeltaDiscoveryRequest> requests, IServerStreamWriter<byte[]> responses, ServerCallContext context)
    {
        try
        {
            await ReplayAsync(requests, responses, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client went away (the run is over): the floor has nothing to clean up.
        }
    }

    private async Task ReplayAsync(
        IAsyncStreamReader<DeltaDiscoveryRequest> requests, IServerStreamWriter<byte[]> responses, ServerCallContext context)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<(string TypeUrl, byte[] Bytes)> script = [];
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            if (request.Node is { } node)
            {
                script = replay.GetValueOrDefault(node.Id, []);
            }

            if (request.ResponseNonce.Length > 0 || !answered.Add(request.TypeUrl))
            {
                continue;
            }

            foreach (var (typeUrl, bytes) in script)
            {
                if (typeUrl == request.TypeUrl)
                {
                    await responses.WriteAsync(bytes).ConfigureAwait(false);
                }
            }
        }
    }
}
