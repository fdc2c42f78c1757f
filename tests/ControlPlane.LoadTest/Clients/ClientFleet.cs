namespace ControlPlane.LoadTest.Clients;

using System.Collections.Immutable;
using System.Diagnostics;
using ControlPlane.LoadTest.Mesh;
using Envoy.Service.Discovery.V3;
using Grpc.Net.Client;

/// <summary>
/// Every client stream of a run, spread round-robin over a fixed number of HTTP/2 connections (one
/// <see cref="GrpcChannel"/> each, multiple connections disabled, so the count is exact). Streams are cancelled and
/// channels closed on dispose.
/// </summary>
internal sealed class ClientFleet : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ImmutableArray<GrpcChannel> channels;
    private readonly List<Task> running = [];

    private ClientFleet(ImmutableArray<GrpcChannel> channels, ImmutableArray<EnvoyDeltaClient> clients)
    {
        this.channels = channels;
        Clients = clients;
    }

    public ImmutableArray<EnvoyDeltaClient> Clients { get; }

    /// <summary>A fleet of the mesh's clients (the first <paramref name="count"/> of them, if given).</summary>
    public static ClientFleet Create(Uri address, SyntheticMesh mesh, int connections, bool record, int? count = null)
    {
        var names = new ResourceNames();
        var channels = Enumerable.Range(0, connections).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        }));
        return new ClientFleet([.. channels], [.. mesh.Clients.Take(count ?? mesh.Clients.Length).Select(c => new EnvoyDeltaClient(c, names, record))]);
    }

    /// <summary>Opens every stream at once; returns the Stopwatch timestamp of the start.</summary>
    public long ConnectAll()
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Clients.Length; i++)
        {
            var client = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channels[i % channels.Length]);
            var envoy = Clients[i];
            running.Add(Task.Run(() => envoy.RunAsync(client, stop.Token)));
        }

        return start;
    }

    /// <summary>Waits until every client converged or the timeout passed; returns each client's convergence timestamp (null if not).</summary>
    public async Task<long?[]> WaitConvergedAsync(TimeSpan timeout)
    {
        var all = Task.WhenAll(Clients.Select(c => c.Converged));
        await Task.WhenAny(all, Task.Delay(timeout)).ConfigureAwait(false);
        return [.. Clients.Select(c => c.Converged.IsCompletedSuccessfully ? c.Converged.Result : (long?)null)];
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        stop.Dispose();
    }
}
