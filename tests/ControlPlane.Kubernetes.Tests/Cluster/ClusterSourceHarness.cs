namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Threading.Channels;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using ControlPlane.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>A <see cref="KubernetesClusterSource"/> over the fake API server, applying to a real <see cref="MeshStore"/>.</summary>
internal sealed class ClusterSourceHarness : IAsyncDisposable, IPushRequestSink
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly Channel<PushRequest> pushes = Channel.CreateUnbounded<PushRequest>();

    private ClusterSourceHarness(FakeKubernetesApiServer server, TimeSpan initialBackoff, Action<ClusterSourceOptions>? configure, CrdSchemaSet? schemas)
    {
        Server = server;
        Store.Subscribe(this);
        var options = new ClusterSourceOptions
        {
            ClientConfiguration = server.ClientConfiguration,
            Informer = new InformerOptions { InitialBackoff = initialBackoff, MaxBackoff = initialBackoff * 10 },
        };
        configure?.Invoke(options);
        Source = new KubernetesClusterSource(Store, Readiness, Options.Create(options), NullLoggerFactory.Instance, schemas);
    }

    public FakeKubernetesApiServer Server { get; }

    public MeshStore Store { get; } = new();

    public MeshReadiness Readiness { get; } = new();

    public KubernetesClusterSource Source { get; }

    public static async Task<ClusterSourceHarness> CreateAsync(
        TimeSpan? initialBackoff = null, Action<ClusterSourceOptions>? configure = null, CrdSchemaSet? schemas = null) =>
        new(await FakeKubernetesApiServer.StartAsync(), initialBackoff ?? TimeSpan.FromMilliseconds(10), configure, schemas);

    public static ServiceKey Key(string ns, string name) => new($"{name}.{ns}.svc.cluster.local", ns);

    public Task StartAsync() => Source.StartAsync(CancellationToken.None);

    public async Task StartAndSyncAsync()
    {
        await StartAsync();
        await Readiness.WhenReadyAsync(CancellationToken.None).WaitAsync(Guard);
    }

    public async Task<PushRequest> NextPushAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await pushes.Reader.ReadAsync(guard.Token);
    }

    public void Enqueue(PushRequest request, MeshSnapshot snapshot) => pushes.Writer.TryWrite(request);

    public async ValueTask DisposeAsync()
    {
        await Source.StopAsync(CancellationToken.None).WaitAsync(Guard);
        Source.Dispose();
        await Server.DisposeAsync();
    }
}
