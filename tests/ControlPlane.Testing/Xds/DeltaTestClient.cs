namespace ControlPlane.Testing.Xds;

using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Grpc.Net.Client;

/// <summary>
/// An incremental (delta) ADS client for tests: one DeltaAggregatedResources call, the node on the first request only,
/// and per type the resources it holds (name to version), updated from every response taken with
/// <see cref="NextAsync"/> (resources added or replaced, removed_resources dropped). Not thread-safe: one test drives it.
/// </summary>
public sealed class DeltaTestClient : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly AsyncDuplexStreamingCall<DeltaDiscoveryRequest, DeltaDiscoveryResponse> call;
    private readonly ResponseInbox<DeltaDiscoveryResponse> inbox;
    private readonly Dictionary<string, Dictionary<string, string>> held = new(StringComparer.Ordinal);
    private bool nodeSent;

    public DeltaTestClient(GrpcChannel channel, Node node)
    {
        Node = node;
        call = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel).DeltaAggregatedResources(cancellationToken: stop.Token);
        inbox = new ResponseInbox<DeltaDiscoveryResponse>(call.ResponseStream, stop.Token);
    }

    public Node Node { get; }

    /// <summary>How long <see cref="NextAsync"/> waits by default: a failure guard, not a timing assertion.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int Unread => inbox.Count;

    /// <summary>The resources this client holds for a type: name to version.</summary>
    public IReadOnlyDictionary<string, string> Resources(string typeUrl) =>
        held.TryGetValue(typeUrl, out var resources) ? new Dictionary<string, string>(resources) : new Dictionary<string, string>();

    public async Task SendAsync(DeltaDiscoveryRequest request)
    {
        if (!nodeSent)
        {
            request.Node = Node;
            nodeSent = true;
        }

        await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes a subscription. On a type's first request, <paramref name="initialVersions"/> says what the client already
    /// holds (a reconnect); an empty subscribe list on CDS/LDS is the wildcard.
    /// </summary>
    public Task SubscribeAsync(
        string typeUrl,
        IEnumerable<string>? subscribe = null,
        IEnumerable<string>? unsubscribe = null,
        IReadOnlyDictionary<string, string>? initialVersions = null)
    {
        var request = new DeltaDiscoveryRequest { TypeUrl = typeUrl };
        request.ResourceNamesSubscribe.AddRange(subscribe ?? []);
        request.ResourceNamesUnsubscribe.AddRange(unsubscribe ?? []);
        foreach (var (name, version) in initialVersions ?? new Dictionary<string, string>())
        {
            request.InitialResourceVersions[name] = version;
            Held(typeUrl)[name] = version;
        }

        return SendAsync(request);
    }

    /// <summary>The next response, applied to <see cref="Resources"/>. With <paramref name="typeUrl"/>, anything else is an error.</summary>
    public async Task<DeltaDiscoveryResponse> NextAsync(string? typeUrl = null, TimeSpan? timeout = null)
    {
        var response = await inbox.NextAsync(timeout ?? Timeout, typeUrl ?? "any response").ConfigureAwait(false);
        var resources = Held(response.TypeUrl);
        foreach (var resource in response.Resources)
        {
            resources[resource.Name] = resource.Version;
        }

        foreach (var name in response.RemovedResources)
        {
            resources.Remove(name);
        }

        if (typeUrl is not null && response.TypeUrl != typeUrl)
        {
            throw new XdsTestException($"expected a {typeUrl} response, got {response.TypeUrl} ({response.Resources.Count} resources, {response.RemovedResources.Count} removed)");
        }

        return response;
    }

    public Task AckAsync(DeltaDiscoveryResponse response) =>
        SendAsync(new DeltaDiscoveryRequest { TypeUrl = response.TypeUrl, ResponseNonce = response.Nonce });

    public Task NackAsync(DeltaDiscoveryResponse response, string message) =>
        SendAsync(new DeltaDiscoveryRequest
        {
            TypeUrl = response.TypeUrl,
            ResponseNonce = response.Nonce,
            ErrorDetail = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = message },
        });

    public Task CompleteAsync() => call.RequestStream.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await inbox.Completion.ConfigureAwait(false);
        call.Dispose();
        stop.Dispose();
    }

    private Dictionary<string, string> Held(string typeUrl)
    {
        if (!held.TryGetValue(typeUrl, out var resources))
        {
            resources = new Dictionary<string, string>(StringComparer.Ordinal);
            held[typeUrl] = resources;
        }

        return resources;
    }
}
