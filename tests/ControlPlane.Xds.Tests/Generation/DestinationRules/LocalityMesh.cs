namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;

/// <summary>
/// A service <c>cart.shop</c> with one endpoint in each of four localities (r1/z1, r1/z2, r2/z3, r3/z4), and clients in
/// chosen localities, for the locality load-balancing tests.
/// </summary>
internal static class LocalityMesh
{
    public const string Host = "cart.shop.svc.cluster.local";
    public const string CartCluster = "outbound|80||cart.shop.svc.cluster.local";

    public static readonly OutlierDetectionSettings Outlier = new() { Consecutive5xxErrors = 5 };

    public static BuiltMesh Build(DestinationRule? rule = null, Func<MeshConfig, MeshConfig>? mesh = null)
    {
        var builder = new MeshBuilder()
            .Service("cart", "shop", s => s.Port("http", 80, Protocol.Http))
            .Endpoint("cart", "shop", "10.0.0.1", e => e.Locality("r1", "z1").Labels(("app", "cart"), ("tier", "gold")))
            .Endpoint("cart", "shop", "10.0.0.2", e => e.Locality("r1", "z2").Labels(("app", "cart"), ("tier", "silver")))
            .Endpoint("cart", "shop", "10.0.0.3", e => e.Locality("r2", "z3").Labels(("app", "cart"), ("tier", "gold")))
            .Endpoint("cart", "shop", "10.0.0.4", e => e.Locality("r3", "z4").Labels(("app", "cart"), ("topology.istio.io/network", "net2")));
        if (mesh is not null)
        {
            builder.Mesh(mesh);
        }

        if (rule is not null)
        {
            builder.Config(rule);
        }

        return builder.Build();
    }

    public static Proxy Client(BuiltMesh mesh, string region, string zone, string ip = "10.1.0.1", params (string Key, string Value)[] labels) =>
        mesh.Sidecar("web-" + ip.Replace('.', '-'), "shop", ip, labels) with { Locality = new Locality(region, zone) };

    public static DestinationRule Rule(LocalityLbSetting? locality, OutlierDetectionSettings? outlier = null) => new()
    {
        Meta = new ConfigMeta { Name = "cart", Namespace = "shop" },
        Host = Host,
        TrafficPolicy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { LocalityLbSetting = locality },
            OutlierDetection = outlier,
        },
    };

    public static LocalityLbSetting Failover(params (string From, string To)[] failover) =>
        new() { Failover = [.. failover.Select(f => new LocalityFailover(f.From, f.To))] };

    public static LocalityLbSetting Distribute(string from, params (string Locality, uint Weight)[] to) =>
        new() { Distribute = [new LocalityDistribution(from, [.. to.Select(t => new LocalityWeight(t.Locality, t.Weight))])] };

    public static LocalityLbSetting Priorities(params string[] labels) => new() { FailoverPriority = [.. labels] };

    /// <summary>Priority per endpoint address, the shape the assertions compare.</summary>
    public static ImmutableDictionary<string, uint> PriorityByAddress(Envoy.Config.Endpoint.V3.ClusterLoadAssignment assignment) =>
        assignment.Endpoints
            .SelectMany(g => g.LbEndpoints.Select(e => (e.Endpoint.Address.SocketAddress.Address, g.Priority)))
            .ToImmutableDictionary(p => p.Address, p => p.Priority);
}
