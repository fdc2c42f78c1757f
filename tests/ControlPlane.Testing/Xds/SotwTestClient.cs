namespace ControlPlane.Testing.Xds;

using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Grpc.Core;
using Grpc.Net.Client;

/// <summary>
/// A state-of-the-world ADS client for tests: one StreamAggregatedResources call, the node sent on the first request
/// only (as Envoy's <c>set_node_on_first_message_only</c>), per-type bookkeeping of the last response, the names asked
/// for and the last ACKed version, so ACK/NACK/subscribe requests are one call each. Not thread-safe: one test drives it.
/// </summary>
public sealed class SotwTestClient : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly AsyncDuplexStreamingCall<DiscoveryRequest, DiscoveryResponse> call;
    private readonly ResponseInbox<DiscoveryResponse> inbox;
    private readonly Dictionary<string, DiscoveryResponse> lastResponse = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> ackedVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> names = new(StringComparer.Ordinal);
    private bool nodeSent;

    public SotwTestClient(GrpcChannel channel, Node node)
    {
        Node = node;
        call = new AggregatedDiscoveryService.AggregatedDiscoveryServiceClient(channel).StreamAggregatedResources(cancellationToken: stop.Token);
        inbox = new ResponseInbox<DiscoveryResponse>(call.ResponseStream, stop.Token);
    }

    public Node Node { get; }

    /// <summary>How long <see cref="NextAsync"/> waits by default: a failure guard, not a timing assertion.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Responses received but not yet taken by <see cref="NextAsync"/>.</summary>
    public int Unread => inbox.Count;

    public DiscoveryResponse? LastResponse(string typeUrl) => lastResponse.GetValueOrDefault(typeUrl);

    /// <summary>Sends a raw request (adding the node if it is the stream's first).</summary>
    public async Task SendAsync(DiscoveryRequest request)
    {
        if (!nodeSent)
        {
            request.Node = Node;
            nodeSent = true;
        }

        await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks for <paramref name="resourceNames"/> on a type the way Envoy does: with the last version and nonce received on
    /// it (empty on the first request). Empty names = wildcard on CDS/LDS, unsubscribe on EDS/RDS.
    /// </summary>
    public Task SubscribeAsync(string typeUrl, params string[] resourceNames)
    {
        names[typeUrl] = resourceNames;
        var last = lastResponse.GetValueOrDefault(typeUrl);
        return SendAsync(Request(typeUrl, ackedVersion.GetValueOrDefault(typeUrl, ""), last?.Nonce ?? "", resourceNames));
    }

    /// <summary><see cref="SubscribeAsync"/>, then the next response, which must be of that type.</summary>
    public async Task<DiscoveryResponse> RequestAsync(string typeUrl, params string[] resourceNames)
    {
        await SubscribeAsync(typeUrl, resourceNames).ConfigureAwait(false);
        return await NextAsync(typeUrl).ConfigureAwait(false);
    }

    /// <summary>The next response. With <paramref name="typeUrl"/>, anything else first is an <see cref="XdsTestException"/>.</summary>
    public async Task<DiscoveryResponse> NextAsync(string? typeUrl = null, TimeSpan? timeout = null)
    {
        var response = await inbox.NextAsync(timeout ?? Timeout, typeUrl ?? "any response").ConfigureAwait(false);
        lastResponse[response.TypeUrl] = response;
        if (typeUrl is not null && response.TypeUrl != typeUrl)
        {
            throw new XdsTestException($"expected a {typeUrl} response, got {response.TypeUrl} (version {response.VersionInfo}, {response.Resources.Count} resources)");
        }

        return response;
    }

    /// <summary>ACKs a response: its version and nonce, with the names asked for on its type (or <paramref name="resourceNames"/>).</summary>
    public Task AckAsync(DiscoveryResponse response, IEnumerable<string>? resourceNames = null)
    {
        var requested = resourceNames?.ToList() ?? (IReadOnlyList<string>)names.GetValueOrDefault(response.TypeUrl, []);
        names[response.TypeUrl] = requested;
        ackedVersion[response.TypeUrl] = response.VersionInfo;
        return SendAsync(Request(response.TypeUrl, response.VersionInfo, response.Nonce, requested));
    }

    /// <summary>NACKs a response as Envoy does: its nonce, the last ACKed version, and error_detail with <paramref name="message"/>.</summary>
    public Task NackAsync(DiscoveryResponse response, string message)
    {
        var request = Request(response.TypeUrl, ackedVersion.GetValueOrDefault(response.TypeUrl, ""), response.Nonce, names.GetValueOrDefault(response.TypeUrl, []));
        request.ErrorDetail = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = message };
        return SendAsync(request);
    }

    /// <summary>Half-closes the request stream (a graceful disconnect).</summary>
    public Task CompleteAsync() => call.RequestStream.CompleteAsync();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await inbox.Completion.ConfigureAwait(false);
        call.Dispose();
        stop.Dispose();
    }

    private static DiscoveryRequest Request(string typeUrl, string version, string nonce, IEnumerable<string> resourceNames)
    {
        var request = new DiscoveryRequest { TypeUrl = typeUrl, VersionInfo = version, ResponseNonce = nonce };
        request.ResourceNames.AddRange(resourceNames);
        return request;
    }
}
