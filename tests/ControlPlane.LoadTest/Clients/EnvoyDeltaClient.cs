namespace ControlPlane.LoadTest.Clients;

using System.Collections.Immutable;
using System.Diagnostics;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Grpc.Core;

/// <summary>
/// One delta-xDS stream that behaves like Envoy: subscribes to CDS and LDS as wildcards, then to EDS for every EDS
/// cluster it holds and to RDS for every route name its listeners use (unsubscribing what disappears), and ACKs every
/// response at once. It logs each response (<see cref="ReceivedResponse"/>) and completes <see cref="Converged"/> when it
/// holds a full initial configuration. Only the receive loop writes to the stream; the log is read under a lock.
/// </summary>
internal sealed class EnvoyDeltaClient
{
    private readonly object gate = new();
    private readonly List<ReceivedResponse> log = [];
    private readonly List<(string TypeUrl, byte[] Bytes)> recorded = [];
    private readonly Dictionary<string, Dictionary<string, ImmutableArray<string>>> held = new(StringComparer.Ordinal);
    private readonly HashSet<string> edsWanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> rdsWanted = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<long> converged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResourceNames names;
    private bool recording;

    public EnvoyDeltaClient(SyntheticClient spec, ResourceNames names, bool record)
    {
        Spec = spec;
        this.names = names;
        recording = record;
        Node = XdsTestNodes.Sidecar(spec.Pod, spec.Namespace, spec.Ip, spec.Labels);
    }

    public SyntheticClient Spec { get; }

    public Node Node { get; }

    /// <summary>Completes with the Stopwatch timestamp of the ACK that made the configuration complete.</summary>
    public Task<long> Converged => converged.Task;

    public int LogCount
    {
        get
        {
            lock (gate)
            {
                return log.Count;
            }
        }
    }

    /// <summary>The responses logged from position <paramref name="from"/> on.</summary>
    public List<ReceivedResponse> LogFrom(int from)
    {
        lock (gate)
        {
            return log.GetRange(from, log.Count - from);
        }
    }

    /// <summary>The responses of the initial configuration as received (serialized), for the floor server to replay.</summary>
    public IReadOnlyList<(string TypeUrl, byte[] Bytes)> Recorded => recorded;

    public async Task RunAsync(AggregatedDiscoveryService.AggregatedDiscoveryServiceClient client, CancellationToken cancellationToken)
    {
        using var call = client.DeltaAggregatedResources(cancellationToken: cancellationToken);
        try
        {
            await call.RequestStream.WriteAsync(new DeltaDiscoveryRequest { Node = Node, TypeUrl = TypeUrls.Cluster }, cancellationToken).ConfigureAwait(false);
            await call.RequestStream.WriteAsync(new DeltaDiscoveryRequest { TypeUrl = TypeUrls.Listener }, cancellationToken).ConfigureAwait(false);
            await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await HandleAsync(call.RequestStream, response).ConfigureAwait(false);
            }
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled || cancellationToken.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            converged.TrySetException(e);
            throw;
        }
    }

    private async Task HandleAsync(IClientStreamWriter<DeltaDiscoveryRequest> requests, DeltaDiscoveryResponse response)
    {
        var receivedAt = Stopwatch.GetTimestamp();
        var size = response.CalculateSize();
        if (recording)
        {
            recorded.Add((response.TypeUrl, response.ToByteArray()));
        }

        var follow = Apply(response);
        await requests.WriteAsync(new DeltaDiscoveryRequest { TypeUrl = response.TypeUrl, ResponseNonce = response.Nonce }).ConfigureAwait(false);
        if (follow is not null)
        {
            await requests.WriteAsync(follow).ConfigureAwait(false);
        }

        var ackedAt = Stopwatch.GetTimestamp();
        var entry = new ReceivedResponse(receivedAt, ackedAt, response.TypeUrl, [.. response.Resources.Select(r => r.Name)], response.RemovedResources.Count, size);
        lock (gate)
        {
            log.Add(entry);
        }

        if (!converged.Task.IsCompleted && IsComplete())
        {
            recording = false;
            converged.TrySetResult(ackedAt);
        }
    }

    /// <summary>Updates what the client holds; returns the EDS or RDS subscription change a CDS or LDS response causes.</summary>
    private DeltaDiscoveryRequest? Apply(DeltaDiscoveryResponse response)
    {
        var resources = Held(response.TypeUrl);
        foreach (var resource in response.Resources)
        {
            resources[resource.Name] = names.Dependencies(response.TypeUrl, resource);
        }

        foreach (var name in response.RemovedResources)
        {
            resources.Remove(name);
        }

        return response.TypeUrl switch
        {
            TypeUrls.Cluster => Resubscribe(TypeUrls.Endpoint, edsWanted, resources),
            TypeUrls.Listener => Resubscribe(TypeUrls.Route, rdsWanted, resources),
            _ => null,
        };
    }

    private static DeltaDiscoveryRequest? Resubscribe(string typeUrl, HashSet<string> wanted, Dictionary<string, ImmutableArray<string>> parents)
    {
        var now = parents.Values.SelectMany(d => d).ToHashSet(StringComparer.Ordinal);
        var request = new DeltaDiscoveryRequest { TypeUrl = typeUrl };
        request.ResourceNamesSubscribe.AddRange(now.Where(n => !wanted.Contains(n)).Order(StringComparer.Ordinal));
        request.ResourceNamesUnsubscribe.AddRange(wanted.Where(n => !now.Contains(n)).Order(StringComparer.Ordinal));
        wanted.Clear();
        wanted.UnionWith(now);
        return request.ResourceNamesSubscribe.Count + request.ResourceNamesUnsubscribe.Count == 0 ? null : request;
    }

    private bool IsComplete() =>
        held.ContainsKey(TypeUrls.Cluster) && held.ContainsKey(TypeUrls.Listener) &&
        edsWanted.All(Held(TypeUrls.Endpoint).ContainsKey) && rdsWanted.All(Held(TypeUrls.Route).ContainsKey);

    private Dictionary<string, ImmutableArray<string>> Held(string typeUrl)
    {
        if (!held.TryGetValue(typeUrl, out var resources))
        {
            resources = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
            held[typeUrl] = resources;
        }

        return resources;
    }
}
