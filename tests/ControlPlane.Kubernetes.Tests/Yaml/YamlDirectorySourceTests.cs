namespace ControlPlane.Kubernetes.Tests.Yaml;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

public sealed class YamlDirectorySourceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ServiceKey Api = new("api.shop.svc.cluster.local", "shop");

    private readonly string directory = Directory.CreateTempSubdirectory("yaml-source-").FullName;
    private readonly MeshStore store = new();
    private readonly RecordingSink sink = new();

    public YamlDirectorySourceTests() => store.Subscribe(sink);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Start_LoadsTheDirectoryBeforeReturning()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var source = Create();

        await source.StartAsync(CancellationToken.None);

        Assert.True(source.InitialLoad.IsCompletedSuccessfully);
        Assert.True(source.HasSynced);
        Assert.Equal(80, store.Current.Services[Api].Ports[0].Port);
        Assert.Equal("10.0.0.1", Assert.Single(store.Current.Endpoints[Api].Endpoints).Address);
        Assert.Equal($"yaml:{directory}", source.SourceName);
        Assert.Single(sink.Requests);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ChangedFile_ReachesTheStoreAndRaisesAPush()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var source = Create();
        await source.StartAsync(CancellationToken.None);

        Write("api.yaml", ApiYaml(port: 8080, ip: "10.0.0.1"));
        await Until(() => store.Current.Services[Api].Ports[0].Port == 8080);

        var push = sink.Requests[^1];
        Assert.True(push.Full);
        Assert.Contains(new ConfigKey(ConfigKind.Service, "shop", Api.Hostname), push.ConfigsUpdated);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task NewMeshConfig_ReconvertsTheDirectoryWithoutWaitingForAPoll()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var source = Create(pollInterval: TimeSpan.FromHours(1));
        await source.StartAsync(CancellationToken.None);

        store.SetMeshConfig(store.Current.Mesh with { DomainSuffix = "corp.internal" });
        var moved = new ServiceKey("api.shop.svc.corp.internal", "shop");
        await Until(() => store.Current.Services.ContainsKey(moved));

        Assert.False(store.Current.Services.ContainsKey(Api));
        Assert.Equal(2, source.LoadCount);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EndpointOnlyChange_RaisesAnEndpointPush()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var source = Create();
        await source.StartAsync(CancellationToken.None);

        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.9"));
        await Until(() => store.Current.Endpoints[Api].Endpoints[0].Address == "10.0.0.9");

        Assert.False(sink.Requests[^1].Full);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task DeletedFile_RemovesItsObjects()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        Write("nested/rule.yaml", "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: api, namespace: shop}\nspec: {host: api}\n");
        using var source = Create();
        await source.StartAsync(CancellationToken.None);
        Assert.Single(store.Current.Configs);

        File.Delete(Path.Combine(directory, "nested/rule.yaml"));
        await Until(() => store.Current.Configs.IsEmpty);
        File.Delete(Path.Combine(directory, "api.yaml"));
        await Until(() => store.Current.Services.IsEmpty);

        Assert.Empty(store.Current.Endpoints);
        Assert.Empty(store.Current.Namespaces);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RewriteWithIdenticalContent_DoesNotPush()
    {
        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var source = Create();
        await source.StartAsync(CancellationToken.None);
        var pushes = sink.Requests.Count;
        var loads = source.LoadCount;

        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        await Until(() => source.LoadCount > loads);

        Assert.Equal(pushes, sink.Requests.Count);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task BadObjects_AreExposedAsDiagnostics()
    {
        Write("bad.yaml", "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: nohost, namespace: shop}\nspec: {}\n");
        using var source = Create();
        await source.StartAsync(CancellationToken.None);

        var problem = Assert.Single(source.Problems);
        Assert.Equal((Path.Combine(directory, "bad.yaml") + "#0", "spec.host"), (problem.Origin, problem.Field));
        Assert.Empty(store.Current.Configs);
        await source.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Host_ValidatesTheDirectoryAndResolvesTheSourceAndDiagnostics()
    {
        var missing = Path.Combine(directory, "absent");
        using var broken = BuildHost(missing);
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => broken.StartAsync());
        Assert.Contains("does not exist", failure.Message, StringComparison.Ordinal);

        Write("api.yaml", ApiYaml(port: 80, ip: "10.0.0.1"));
        using var host = BuildHost(directory);
        await host.StartAsync();
        var source = host.Services.GetRequiredService<YamlDirectorySource>();
        await source.InitialLoad;
        Assert.Same(source, Assert.Single(host.Services.GetServices<IConfigDiagnostics>()));
        Assert.True(store.Current.Services.ContainsKey(Api));
        await host.StopAsync();
    }

    private IHost BuildHost(string path)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(store);
        builder.Services.AddYamlDirectorySource(o => o.Directory = path);
        return builder.Build();
    }

    private YamlDirectorySource Create(TimeSpan? pollInterval = null) => new(
        store,
        Options.Create(new YamlSourceOptions
        {
            Directory = directory,
            PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(250),
            DebounceDelay = TimeSpan.FromMilliseconds(30),
        }),
        NullLogger<YamlDirectorySource>.Instance);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }

    private static string ApiYaml(int port, string ip) => $$$"""
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec: {selector: {app: api}, ports: [{name: http, port: {{{port}}}}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-1, namespace: shop, labels: {app: api}}
        status: {podIP: {{{ip}}}}
        """;
}
