namespace ControlPlane.Xds.Tests.Serving.Fakes;

using ControlPlane.Model.State;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Serving;
using Envoy.Config.Core.V3;
using Envoy.Service.Discovery.V3;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The server's object graph from AddXds, without Kestrel: streams are driven through fake request/response streams, on
/// a clock the test controls. Hosted services are not started; tests call the scheduler directly.
/// </summary>
internal sealed class ServingHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public ServingHarness(TimeProvider time, Action<XdsOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Store);
        services.AddSingleton(Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton(time);
        services.AddSingleton<IGeneratorSelector>(Generators);
        services.AddXds(configure);
        provider = services.BuildServiceProvider();
    }

    public MeshStore Store { get; } = new();

    public FakeGeneratorSelector Generators { get; } = new();

    public ConnectionRegistry Connections => provider.GetRequiredService<ConnectionRegistry>();

    public PushScheduler Scheduler => provider.GetRequiredService<PushScheduler>();

    public PushThrottle Throttle => provider.GetRequiredService<PushThrottle>();

    /// <summary>Starts a SotW stream whose first request subscribes <paramref name="typeUrl"/> with <paramref name="names"/>.</summary>
    public Session OpenSotw(Node node, string typeUrl, params string[] names)
    {
        var requests = new FakeRequestStream<DiscoveryRequest>();
        var responses = new FakeResponseStream<DiscoveryResponse>();
        var first = new DiscoveryRequest { Node = node, TypeUrl = typeUrl };
        first.ResourceNames.AddRange(names);
        requests.Send(first);
        var stop = new CancellationTokenSource();
        var handler = provider.GetRequiredService<SotwStreamHandler>();
        var run = Task.Run(() => handler.HandleAsync(requests, responses, new StreamContext("test", responses.Abort, stop.Token)));
        return new Session(requests, responses, run, stop);
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();

    internal sealed record Session(
        FakeRequestStream<DiscoveryRequest> Requests, FakeResponseStream<DiscoveryResponse> Responses, Task Run, CancellationTokenSource Stop);
}
