namespace ControlPlane.LoadTest.Mesh;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;

/// <summary>
/// The records of a synthetic mesh, each a pure function of its index (and a generation, for the records the scenarios
/// change), so the load test and the benchmarks build identical meshes and a change is reproducible.
/// </summary>
internal static class SyntheticConfigs
{
    public const int ServicePort = 8080;

    public static string Namespace(SyntheticMeshSpec spec, int service) => $"ns-{service % spec.Namespaces}";

    public static string Hostname(SyntheticMeshSpec spec, int service) => $"svc-{service}.{Namespace(spec, service)}.svc.cluster.local";

    public static Service Service(SyntheticMeshSpec spec, int index) => new()
    {
        Hostname = Hostname(spec, index),
        Namespace = Namespace(spec, index),
        Name = $"svc-{index}",
        Ports = [new ServicePort("http", ServicePort, Protocol.Http, ServicePort)],
        Addresses = [Address(172, 16, index)],
        Selector = FrozenDictionary.ToFrozenDictionary([new KeyValuePair<string, string>("app", $"svc-{index}")], StringComparer.Ordinal),
    };

    /// <summary>
    /// Endpoints of a service. Generation 0 is the initial set; generation g &gt; 0 moves the last endpoint to a fresh
    /// address, which changes exactly this service's EDS clusters (the endpoint-churn change).
    /// </summary>
    public static ServiceEndpoints Endpoints(SyntheticMeshSpec spec, int service, int generation)
    {
        var builder = ImmutableArray.CreateBuilder<Endpoint>(spec.Endpoints);
        for (var k = 0; k < spec.Endpoints; k++)
        {
            var moved = generation > 0 && k == spec.Endpoints - 1;
            var address = moved ? Address(11, 0, generation) : Address(10, 0, (service * spec.Endpoints) + k + 1);
            var version = k % 2 == 0 ? "v1" : "v2";
            builder.Add(new Endpoint
            {
                Address = address,
                Port = ServicePort,
                ServicePortName = "http",
                Labels = FrozenDictionary.ToFrozenDictionary(
                    [new KeyValuePair<string, string>("app", $"svc-{service}"), new KeyValuePair<string, string>("version", version)],
                    StringComparer.Ordinal),
                // The owning Deployment, one per version, as Kubernetes endpoints name their workload (not the pod).
                WorkloadName = $"svc-{service}-{version}",
                Namespace = Namespace(spec, service),
            });
        }

        return new ServiceEndpoints(new ServiceKey(Hostname(spec, service), Namespace(spec, service)), builder.MoveToImmutable());
    }

    /// <summary>A prefix route to subset v2 and a weighted default route; the weights move with the generation.</summary>
    public static VirtualService VirtualService(SyntheticMeshSpec spec, int service, int generation)
    {
        var host = Hostname(spec, service);
        var v1Weight = 90 - (generation % 80);
        return new VirtualService
        {
            Meta = new ConfigMeta { Name = $"svc-{service}", Namespace = Namespace(spec, service), CreationTimestamp = Epoch },
            Hosts = [host],
            Http =
            [
                new HttpRoute
                {
                    Name = "v2-prefix",
                    Match = [new HttpMatchRequest { Uri = new StringMatch(StringMatchKind.Prefix, "/v2") }],
                    Route = [new HttpRouteDestination(new Destination(host, "v2"), 100)],
                },
                new HttpRoute
                {
                    Name = "default",
                    Route = [new HttpRouteDestination(new Destination(host, "v1"), v1Weight), new HttpRouteDestination(new Destination(host, "v2"), 100 - v1Weight)],
                    Timeout = TimeSpan.FromSeconds(5),
                },
            ],
        };
    }

    public static DestinationRule DestinationRule(SyntheticMeshSpec spec, int service) => new()
    {
        Meta = new ConfigMeta { Name = $"svc-{service}", Namespace = Namespace(spec, service), CreationTimestamp = Epoch },
        Host = Hostname(spec, service),
        Subsets = [Subset("v1"), Subset("v2")],
    };

    /// <summary>A Sidecar selecting exactly one client workload and listing its dependencies as <c>ns/host</c>.</summary>
    public static Sidecar Sidecar(SyntheticMeshSpec spec, SyntheticClient client) => new()
    {
        Meta = new ConfigMeta { Name = client.Workload, Namespace = client.Namespace, CreationTimestamp = Epoch },
        WorkloadSelector = new WorkloadSelector(client.Labels),
        Egress = [new SidecarEgressListener([.. client.Dependencies.Select(d => $"{Namespace(spec, d)}/{Hostname(spec, d)}")])],
    };

    /// <summary>An IPv4 address <c>first.second+(n/65536).(n/256%256).(n%256)</c>: unique per n within a /12.</summary>
    public static string Address(int first, int second, int n) => $"{first}.{second + ((n >> 16) & 255)}.{(n >> 8) & 255}.{n & 255}";

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Subset Subset(string version) =>
        new(version, FrozenDictionary.ToFrozenDictionary([new KeyValuePair<string, string>("version", version)], StringComparer.Ordinal), null);
}
