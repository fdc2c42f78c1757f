namespace ControlPlane.Kubernetes.Tests.Informers;

using System.Threading.Channels;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Testing.Kubernetes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>A pod informer over the real KubernetesClient against the fake API server, recording every event it emits.</summary>
internal sealed class InformerHarness : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Channel<ResourceEvent<V1Pod>> events = Channel.CreateUnbounded<ResourceEvent<V1Pod>>();
    private readonly CancellationTokenSource stop = new();
    private readonly IKubernetes client;
    private Task? run;

    private InformerHarness(FakeKubernetesApiServer server)
    {
        Server = server;
        client = server.CreateClient();
        var options = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(100) };
        Informer = new ResourceInformer<V1Pod>("pods", ClusterResourceClients.Pods(client), options, NullLogger.Instance);
        Informer.AddHandler(e => events.Writer.TryWrite(e));
    }

    public FakeKubernetesApiServer Server { get; }

    public ResourceInformer<V1Pod> Informer { get; }

    public static async Task<InformerHarness> CreateAsync() => new(await FakeKubernetesApiServer.StartAsync());

    public void Start() => run = Informer.RunAsync(stop.Token);

    public async Task StartAndSyncAsync()
    {
        Start();
        await Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(Guard);
    }

    public async Task<ResourceEvent<V1Pod>> NextAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await events.Reader.ReadAsync(guard.Token);
    }

    /// <summary>The next <paramref name="count"/> events as "Type ns/name" strings, sorted, for order-free comparison.</summary>
    public async Task<string[]> NextAsync(int count)
    {
        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            result.Add(Describe(await NextAsync()));
        }

        return [.. result.Order(StringComparer.Ordinal)];
    }

    public static string Describe(ResourceEvent<V1Pod> e) => $"{e.Type} {e.Key}";

    /// <summary>Waits for the informer to open a watch from <paramref name="resourceVersion"/>.</summary>
    public Task<FakeApiRequest> WatchFromAsync(long resourceVersion) =>
        Server.WaitForRequestAsync(r => r.Watch && r.ResourceVersion == resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (run is not null)
        {
            await run.WaitAsync(Guard);
        }

        client.Dispose();
        await Server.DisposeAsync();
        stop.Dispose();
    }
}
