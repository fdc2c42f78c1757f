namespace ControlPlane.LoadTest.Mesh;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.State;

/// <summary>
/// A synthetic mesh and its dependency graph. The graph is computed here from the Sidecars' egress lists, independently
/// of the control plane, so the load test can tell how many clients truly depend on a change and catch false fan-out.
/// </summary>
internal sealed class SyntheticMesh
{
    public const string Source = "loadtest";

    private readonly ImmutableArray<ImmutableArray<int>> dependents;

    private SyntheticMesh(SyntheticMeshSpec spec, ImmutableArray<SyntheticClient> clients)
    {
        Spec = spec;
        Clients = clients;
        var byService = new List<int>[spec.Services];
        foreach (var client in clients)
        {
            foreach (var dependency in client.Dependencies)
            {
                (byService[dependency] ??= []).Add(client.Index);
            }
        }

        dependents = [.. byService.Select(d => d is null ? ImmutableArray<int>.Empty : [.. d])];
    }

    public SyntheticMeshSpec Spec { get; }

    public ImmutableArray<SyntheticClient> Clients { get; }

    public static SyntheticMesh Create(SyntheticMeshSpec spec)
    {
        var clients = ImmutableArray.CreateBuilder<SyntheticClient>(spec.Clients);
        ImmutableArray<int> picked = [];
        for (var j = 0; j < spec.Clients; j++)
        {
            var workload = j / spec.Replicas;
            var replica = j % spec.Replicas;
            if (replica == 0)
            {
                // Each workload draws its own dependencies from its own seeded generator: adding clients never reshuffles others.
                picked = Dependencies(spec, new Random(spec.Seed + workload));
            }

            var name = $"client-{workload}";
            var pod = spec.Replicas == 1 ? name : $"{name}-{replica}";
            clients.Add(new SyntheticClient(j, name, pod, $"ns-{workload % spec.Namespaces}", SyntheticConfigs.Address(10, 128, j + 1), picked));
        }

        return new SyntheticMesh(spec, clients.MoveToImmutable());
    }

    private static ImmutableArray<int> Dependencies(SyntheticMeshSpec spec, Random random)
    {
        var picked = new SortedSet<int>();
        while (picked.Count < spec.Dependencies)
        {
            picked.Add(random.Next(spec.Services));
        }

        return [.. picked];
    }

    /// <summary>The clients whose Sidecar lists the service (so its clusters, endpoints and routes are theirs).</summary>
    public ImmutableArray<int> DependentsOf(int service) => dependents[service];

    public bool IsRouted(int service) => service % Spec.RoutedEvery == 0;

    /// <summary>Everything at once: services, endpoints, VirtualServices and DestinationRules on routed services, Sidecars.</summary>
    public MeshDelta InitialDelta()
    {
        var services = Enumerable.Range(0, Spec.Services);
        var routed = services.Where(IsRouted).ToList();
        return new MeshDelta
        {
            UpsertedServices = [.. services.Select(i => SyntheticConfigs.Service(Spec, i))],
            UpsertedEndpoints = [.. services.Select(i => SyntheticConfigs.Endpoints(Spec, i, 0))],
            UpsertedConfigs =
            [
                .. routed.Select(i => (IstioConfig)SyntheticConfigs.VirtualService(Spec, i, 0)),
                .. routed.Select(i => (IstioConfig)SyntheticConfigs.DestinationRule(Spec, i)),
                .. Clients.DistinctBy(c => c.Workload).Select(c => (IstioConfig)SyntheticConfigs.Sidecar(Spec, c)),
            ],
        };
    }

    public MeshDelta EndpointChange(int service, int generation) =>
        new() { UpsertedEndpoints = [SyntheticConfigs.Endpoints(Spec, service, generation)] };

    public MeshDelta VirtualServiceChange(int service, int generation) =>
        new() { UpsertedConfigs = [SyntheticConfigs.VirtualService(Spec, service, generation)] };

    /// <summary>A mesh-wide change: the default connect timeout, which every cluster of every proxy carries.</summary>
    public static MeshConfig MeshWideChange(int generation) =>
        MeshConfig.Default with { ConnectTimeout = TimeSpan.FromMilliseconds(10_000 + generation) };

    /// <summary>The routed service most clients depend on (the VirtualService change touches it).</summary>
    public int MostDependedRoutedService() =>
        Enumerable.Range(0, Spec.Services).Where(IsRouted).MaxBy(s => dependents[s].Length);
}
