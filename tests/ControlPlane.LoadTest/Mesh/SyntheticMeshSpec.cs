namespace ControlPlane.LoadTest.Mesh;

/// <summary>
/// The shape of a synthetic mesh: <see cref="Services"/> services spread over <see cref="Namespaces"/> namespaces with
/// <see cref="Endpoints"/> endpoints each, a VirtualService and a DestinationRule on every
/// <see cref="RoutedEvery"/>-th service, and <see cref="Clients"/> client proxies: <see cref="Replicas"/> pods of each
/// client workload, every workload under its own Sidecar that lists exactly <see cref="Dependencies"/> services. The same
/// spec and seed always give the same mesh.
/// </summary>
internal sealed record SyntheticMeshSpec
{
    public int Services { get; init; } = 100;

    public int Namespaces { get; init; } = 10;

    public int Endpoints { get; init; } = 5;

    public int Clients { get; init; } = 50;

    public int Dependencies { get; init; } = 20;

    /// <summary>Pods per client workload (they share its Sidecar, labels and dependencies). 1: every client its own workload.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>One service in this many gets a VirtualService (two subsets, a prefix match) and a DestinationRule.</summary>
    public int RoutedEvery { get; init; } = 5;

    public int Seed { get; init; } = 42;

    public IEnumerable<string> Problems()
    {
        if (Services < 1 || Namespaces < 1 || Endpoints < 1 || Clients < 1 || RoutedEvery < 1 || Replicas < 1)
        {
            yield return "--services, --namespaces, --endpoints, --clients, --routed-every and --replicas must be at least 1";
        }

        if (Dependencies < 1 || Dependencies > Services)
        {
            yield return $"--deps must be between 1 and --services ({Services})";
        }

        if (Services > 1_000_000 || Endpoints * (long)Services > 4_000_000)
        {
            yield return "at most 1,000,000 services and 4,000,000 endpoints (synthetic addresses run out)";
        }
    }
}
