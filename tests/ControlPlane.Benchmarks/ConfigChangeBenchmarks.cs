namespace ControlPlane.Benchmarks;

using BenchmarkDotNet.Attributes;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;

/// <summary>
/// What one VirtualService change (or one service's endpoint change) costs the control plane before any response is generated: the next push context from
/// the previous one (only the VirtualService index rebuilt, every unaffected scope carried over) and the first lookup a
/// listener push makes in it (a workload's inbound targets by address), with every client's scope already built.
/// </summary>
[MemoryDiagnoser]
public class ConfigChangeBenchmarks
{
    private SyntheticMesh mesh = null!;
    private MeshStore store = null!;
    private PushContext push = null!;
    private int routedService;
    private int generation;

    [Params(10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        mesh = SyntheticMesh.Create(new SyntheticMeshSpec { Services = Services, Namespaces = 100, Endpoints = 5, Clients = 2000, Dependencies = 20 });
        store = new MeshStore();
        store.Apply(SyntheticMesh.Source, mesh.InitialDelta());
        push = PushContextBuilder.Build(store.Current);
        foreach (var client in mesh.Clients)
        {
            push.ScopeFor(Proxy(client));
        }

        routedService = mesh.MostDependedRoutedService();
    }

    [Benchmark]
    public int VirtualServiceChange()
    {
        var request = store.Apply(SyntheticMesh.Source, mesh.VirtualServiceChange(routedService, ++generation))!;
        push = PushContextBuilder.Build(push, store.Current, request);
        return push.Endpoints.AtAddress(mesh.Clients[0].Ip).Length;
    }

    /// <summary>One service's endpoints replaced: the endpoint-only path, then the same first lookup.</summary>
    [Benchmark]
    public int EndpointChange()
    {
        var request = store.Apply(SyntheticMesh.Source, mesh.EndpointChange(routedService, ++generation))!;
        push = PushContextBuilder.Build(push, store.Current, request);
        return push.Endpoints.AtAddress(mesh.Clients[0].Ip).Length;
    }

    private static Proxy Proxy(SyntheticClient client) => ProxyNodeParser.Parse(
        $"sidecar~{client.Ip}~{client.Pod}.{client.Namespace}~{client.Namespace}.svc.cluster.local",
        new Dictionary<string, string> { ["NAMESPACE"] = client.Namespace, ["INSTANCE_IPS"] = client.Ip, ["ISTIO_VERSION"] = "1.24.0" },
        client.Labels);
}
