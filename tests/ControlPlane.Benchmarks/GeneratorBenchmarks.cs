namespace ControlPlane.Benchmarks;

using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Scoping;
using ControlPlane.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// Each Envoy generator for one scoped client (20 dependencies) of the synthetic mesh, with the scope already built, and
/// building that scope itself. EDS and RDS watch what CDS and LDS name, as Envoy would ask. The <c>Cached*</c> variants
/// run through a warm generated-resource cache: CDS and EDS as a second proxy with the same dependencies is served, RDS
/// as a replica of the same workload is.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private PushContext push = null!;
    private Proxy proxy = null!;
    private SidecarScope scope = null!;
    private FrozenDictionary<string, GenerationContext> contexts = FrozenDictionary<string, GenerationContext>.Empty;
    private ResourceCaches caches = null!;

    [Params(1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (mesh, snapshot) = BenchmarkMesh.Create(Services);
        push = PushContextBuilder.Build(snapshot);
        var client = mesh.Clients[0];
        proxy = ProxyNodeParser.Parse(
            $"sidecar~{client.Ip}~{client.Pod}.{client.Namespace}~{client.Namespace}.svc.cluster.local",
            new Dictionary<string, string> { ["NAMESPACE"] = client.Namespace, ["INSTANCE_IPS"] = client.Ip, ["ISTIO_VERSION"] = "1.24.0" },
            client.Labels);
        scope = push.ScopeFor(proxy);
        var all = new GenerationContext(push, proxy, scope, WatchedResources.All);
        var clusters = Generate(TypeUrls.Cluster, all).Resources.Select(r => r.Name).Where(n => n.StartsWith("outbound|", StringComparison.Ordinal));
        contexts = new Dictionary<string, GenerationContext>
        {
            [TypeUrls.Cluster] = all,
            [TypeUrls.Listener] = all,
            [TypeUrls.Endpoint] = all with { Watched = WatchedResources.Of(clusters) },
            [TypeUrls.Route] = all with { Watched = WatchedResources.Of([SyntheticConfigs.ServicePort.ToString(System.Globalization.CultureInfo.InvariantCulture)]) },
        }.ToFrozenDictionary();
        caches = new ResourceCaches(new ResourceCacheOptions(true, 60_000, TimeSpan.FromHours(1)), TimeProvider.System, IResourceCacheMetrics.None);
        CachedClusters();
        CachedEndpoints();
        CachedRoutes();
    }

    [Benchmark]
    public int Clusters() => Generate(TypeUrls.Cluster, contexts[TypeUrls.Cluster]).Resources.Length;

    [Benchmark]
    public int Endpoints() => Generate(TypeUrls.Endpoint, contexts[TypeUrls.Endpoint]).Resources.Length;

    [Benchmark]
    public int CachedClusters() => Generate(TypeUrls.Cluster, contexts[TypeUrls.Cluster] with { Caches = caches }).Resources.Length;

    [Benchmark]
    public int CachedEndpoints() => Generate(TypeUrls.Endpoint, contexts[TypeUrls.Endpoint] with { Caches = caches }).Resources.Length;

    [Benchmark]
    public int CachedRoutes() => Generate(TypeUrls.Route, contexts[TypeUrls.Route] with { Caches = caches }).Resources.Length;

    [Benchmark]
    public int Listeners() => Generate(TypeUrls.Listener, contexts[TypeUrls.Listener]).Resources.Length;

    [Benchmark]
    public int Routes() => Generate(TypeUrls.Route, contexts[TypeUrls.Route]).Resources.Length;

    /// <summary>Building the client's SidecarScope (a push context caches it per Sidecar; this bypasses the cache).</summary>
    [Benchmark]
    public SidecarScope Scope() => SidecarScopeBuilder.Build(
        proxy.Namespace, push.Sidecars.Select(proxy.Namespace, proxy.Labels), push.Services, push.VirtualServices, push.DestinationRules, push.Mesh);

    private static GeneratedResources Generate(string typeUrl, GenerationContext context) =>
        EnvoyGenerators.Default.ByTypeUrl[typeUrl].Generate(context);
}
