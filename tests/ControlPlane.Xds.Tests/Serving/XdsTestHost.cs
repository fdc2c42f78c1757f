namespace ControlPlane.Xds.Tests.Serving;

using System.Net;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Status;
using ControlPlane.Xds.Tests.Serving.Fakes;
using Envoy.Config.Core.V3;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

/// <summary>
/// An in-process ADS server: Kestrel on 127.0.0.1 (ephemeral port, HTTP/2 cleartext only), a <see cref="MeshStore"/>,
/// AddXds with a short debounce, the fake generators, and a private metrics registry.
/// </summary>
internal sealed class XdsTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private XdsTestHost(WebApplication app, MeshStore store, FakeGeneratorSelector generators, CollectorRegistry metrics, GrpcChannel channel)
    {
        this.app = app;
        Store = store;
        Generators = generators;
        Metrics = metrics;
        Channel = channel;
    }

    public MeshStore Store { get; }

    public FakeGeneratorSelector Generators { get; }

    public CollectorRegistry Metrics { get; }

    public GrpcChannel Channel { get; }

    public IXdsStatus Status => app.Services.GetRequiredService<IXdsStatus>();

    public static async Task<XdsTestHost> StartAsync(Action<MeshStore>? seed = null, Action<XdsOptions>? configure = null)
    {
        var store = new MeshStore();
        seed?.Invoke(store);
        var generators = new FakeGeneratorSelector();
        var metrics = Prometheus.Metrics.NewCustomRegistry();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton<IGeneratorSelector>(generators);
        builder.Services.AddXds(o =>
        {
            o.DebounceAfter = TimeSpan.FromMilliseconds(10);
            o.DebounceMax = TimeSpan.FromMilliseconds(200);
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapXds();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new XdsTestHost(app, store, generators, metrics, GrpcChannel.ForAddress(address));
    }

    public SotwTestClient Sotw(Node node) => new(Channel, node);

    public DeltaTestClient Delta(Node node) => new(Channel, node);

    /// <summary>The status of the (single) connection of a proxy, by pod.namespace.</summary>
    public ConnectionStatus Connection(string shortId) => Status.Connections().Single(c => c.Proxy.ShortId == shortId);

    public SubscriptionStatus Subscription(string shortId, string typeUrl) =>
        Connection(shortId).Subscriptions.Single(s => s.TypeUrl == typeUrl);

    /// <summary>Waits (guarded by a timeout) until the debounced push for everything applied so far has been released.</summary>
    public async Task WaitForPushAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Status.CurrentPushContext?.Version != Store.Current.Version)
        {
            await Task.Delay(5, guard.Token);
        }
    }

    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
