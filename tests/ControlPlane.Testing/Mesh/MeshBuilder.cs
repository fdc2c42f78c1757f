namespace ControlPlane.Testing.Mesh;

using ControlPlane.Model.Config;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>
/// Builds a mesh in C# (services, endpoints, Istio configs, mesh config) and turns it into a <see cref="PushContext"/>
/// through the real <see cref="MeshStore"/> and <see cref="PushContextBuilder"/>, so tests exercise the production path.
/// Configs get increasing creation timestamps in the order they are added, which fixes istiod's "oldest first" orders.
/// </summary>
public sealed class MeshBuilder
{
    public const string Source = "test";

    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceBuilder> services = [];
    private readonly List<(string Name, string Namespace, EndpointBuilder Builder)> endpoints = [];
    private readonly List<IstioConfig> configs = [];
    private MeshConfig mesh = MeshConfig.Default;

    public MeshBuilder Mesh(Func<MeshConfig, MeshConfig> change)
    {
        mesh = change(mesh);
        return this;
    }

    /// <summary>A service <c>name.ns.svc.cluster.local</c> (override with <see cref="ServiceBuilder.Host"/>).</summary>
    public MeshBuilder Service(string name, string ns, Action<ServiceBuilder>? configure = null)
    {
        var builder = new ServiceBuilder(name, ns, $"{name}.{ns}.svc.{mesh.DomainSuffix}");
        configure?.Invoke(builder);
        services.Add(builder);
        return this;
    }

    /// <summary>A workload at <paramref name="address"/> backing every port of service <paramref name="service"/> in <paramref name="ns"/>.</summary>
    public MeshBuilder Endpoint(string service, string ns, string address, Action<EndpointBuilder>? configure = null)
    {
        var builder = new EndpointBuilder(address);
        configure?.Invoke(builder);
        endpoints.Add((service, ns, builder));
        return this;
    }

    public MeshBuilder Config(params IstioConfig[] added)
    {
        foreach (var config in added)
        {
            var meta = config.Meta.CreationTimestamp == default
                ? config.Meta with { CreationTimestamp = Epoch.AddMinutes(configs.Count) }
                : config.Meta;
            configs.Add(config with { Meta = meta });
        }

        return this;
    }

    /// <summary>Object metadata for configs: <c>MeshBuilder.Meta("reviews", "default")</c>.</summary>
    public static ConfigMeta Meta(string name, string ns) => new() { Name = name, Namespace = ns };

    public BuiltMesh Build()
    {
        var store = new MeshStore();
        store.SetMeshConfig(mesh);
        var built = services.Select(s => s.Build()).ToList();
        var byKey = built.ToDictionary(s => (s.Name, s.Namespace));
        var serviceEndpoints = endpoints
            .GroupBy(e => (e.Name, e.Namespace))
            .Select(g =>
            {
                var service = byKey.TryGetValue(g.Key, out var s)
                    ? s
                    : throw new InvalidOperationException($"endpoint for unknown service {g.Key.Namespace}/{g.Key.Name}");
                return new ServiceEndpoints(service.Key, [.. g.SelectMany(e => e.Builder.Build(service))]);
            })
            .ToList();

        store.Apply(Source, new MeshDelta
        {
            UpsertedServices = [.. built],
            UpsertedEndpoints = [.. serviceEndpoints],
            UpsertedConfigs = [.. configs],
        });
        return new BuiltMesh(store, PushContextBuilder.Build(store.Current));
    }
}
