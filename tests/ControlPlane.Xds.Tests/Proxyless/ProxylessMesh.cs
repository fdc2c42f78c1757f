namespace ControlPlane.Xds.Tests.Proxyless;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using ControlPlane.Xds.Generation;

/// <summary>
/// A small mesh for the proxyless generator tests, built through the real <see cref="MeshStore"/> and
/// <see cref="PushContextBuilder"/>, plus factories for the records the tests need.
/// </summary>
internal sealed class ProxylessMesh
{
    public const string Domain = "cluster.local";
    public const string ClientNode = "sidecar~10.0.0.9~client.interop~interop.svc.cluster.local";

    private readonly List<Service> services = [];
    private readonly List<ServiceEndpoints> endpoints = [];
    private readonly List<IstioConfig> configs = [];

    public ProxylessMesh WithService(Service service, params Endpoint[] serviceEndpoints)
    {
        services.Add(service);
        endpoints.Add(new ServiceEndpoints(service.Key, [.. serviceEndpoints]));
        return this;
    }

    public ProxylessMesh With(params IstioConfig[] config)
    {
        configs.AddRange(config);
        return this;
    }

    public PushContext Push()
    {
        var store = new MeshStore();
        store.Apply("test", new MeshDelta
        {
            UpsertedServices = [.. services],
            UpsertedEndpoints = [.. endpoints],
            UpsertedConfigs = [.. configs],
        });
        return PushContextBuilder.Build(store.Current);
    }

    public GenerationContext Context(params string[] names) => Context(Proxy("interop"), names);

    public GenerationContext Context(Proxy proxy, params string[] names)
    {
        var push = Push();
        return new GenerationContext(push, proxy, push.ScopeFor(proxy), WatchedResources.Of(names));
    }

    public static Proxy Proxy(string ns, params (string Key, string Value)[] labels) =>
        ProxyNodeParser.Parse(
            $"sidecar~10.0.0.9~client.{ns}~{ns}.svc.cluster.local",
            new Dictionary<string, string> { ["GENERATOR"] = "grpc", ["NAMESPACE"] = ns },
            labels.ToDictionary(l => l.Key, l => l.Value));

    public static Service Service(string name, string ns, params ServicePort[] ports) => new()
    {
        Hostname = $"{name}.{ns}.svc.{Domain}",
        Namespace = ns,
        Name = name,
        Ports = [.. ports],
    };

    public static ServicePort Grpc(int port, string name = "grpc") => new(name, port, Protocol.Grpc);

    public static Endpoint Endpoint(string address, int port, string version = "v1", string portName = "grpc") => new()
    {
        Address = address,
        Port = port,
        ServicePortName = portName,
        Labels = new Dictionary<string, string> { ["version"] = version }.ToFrozenDictionary(),
    };

    public static ConfigMeta Meta(string name, string ns) => new() { Name = name, Namespace = ns };

    public static VirtualService VirtualService(string name, string ns, string host, params HttpRoute[] rules) => new()
    {
        Meta = Meta(name, ns),
        Hosts = [host],
        Http = [.. rules],
    };

    public static HttpRoute Rule(params HttpRouteDestination[] destinations) => new() { Route = [.. destinations] };

    public static HttpRouteDestination To(string host, string subset = "", int weight = 0, int port = 0) =>
        new(new Destination(host, subset, port), weight);

    public static HttpMatchRequest HeaderMatch(string header, StringMatchKind kind, string value) => new()
    {
        Headers = ImmutableDictionary<string, StringMatch>.Empty.Add(header, new StringMatch(kind, value)),
    };

    public static DestinationRule DestinationRule(string name, string ns, string host, TrafficPolicy? policy = null) => new()
    {
        Meta = Meta(name, ns),
        Host = host,
        TrafficPolicy = policy,
        Subsets = [Subset("v1"), Subset("v2")],
    };

    public static Subset Subset(string version, TrafficPolicy? policy = null) =>
        new(version, new Dictionary<string, string> { ["version"] = version }.ToFrozenDictionary(), policy);

    public static Sidecar Sidecar(string ns, params string[] egressHosts) => new()
    {
        Meta = Meta("default", ns),
        Egress = [new SidecarEgressListener([.. egressHosts])],
    };
}
