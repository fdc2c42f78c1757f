namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Caching;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using static ControlPlane.Xds.Tests.Generation.DestinationRules.LocalityMesh;

/// <summary>
/// Failover priorities are relative to the proxy, so the shared EDS cache must keep proxies in different localities
/// apart, and still share one assignment between proxies in the same locality.
/// </summary>
public sealed class LocalityCachingTests
{
    [Fact]
    public void Proxies_in_different_localities_get_their_own_failover_priorities_from_one_cache()
    {
        var mesh = Build(Rule(Failover(("r1", "r3")), Outlier));
        var cache = new SharedResourceCache();
        var east = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.1"), cache);
        var west = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r2", "z3", "10.1.0.2"), cache);
        var eastAgain = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.3"), cache);

        var eastPriorities = PriorityByAddress(Find(east.Endpoints).Unpack<ClusterLoadAssignment>());
        var westPriorities = PriorityByAddress(Find(west.Endpoints).Unpack<ClusterLoadAssignment>());
        Assert.Equal(0u, eastPriorities["10.0.0.1"]);
        Assert.Equal(0u, westPriorities["10.0.0.3"]);
        Assert.NotSame(Find(east.Endpoints), Find(west.Endpoints));
        Assert.Same(Find(east.Endpoints), Find(eastAgain.Endpoints));

        var fresh = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r2", "z3", "10.1.0.2"));
        Assert.Equal(Find(fresh.Endpoints).Value, Find(west.Endpoints).Value);
    }

    [Fact]
    public void Proxies_with_different_priority_labels_get_their_own_assignment()
    {
        var mesh = Build(Rule(Priorities("tier"), Outlier));
        var cache = new SharedResourceCache();
        var gold = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.1", ("tier", "gold")), cache);
        var silver = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.2", ("tier", "silver")), cache);

        Assert.Equal(0u, PriorityByAddress(Find(gold.Endpoints).Unpack<ClusterLoadAssignment>())["10.0.0.1"]);
        Assert.Equal(0u, PriorityByAddress(Find(silver.Endpoints).Unpack<ClusterLoadAssignment>())["10.0.0.2"]);
    }

    [Fact]
    public void Without_a_setting_that_applies_proxies_in_any_locality_share_one_assignment()
    {
        var mesh = Build(Rule(Failover(("r1", "r3"))));
        var cache = new SharedResourceCache();
        var east = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.1"), cache);
        var west = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r2", "z3", "10.1.0.2"), cache);

        Assert.Same(Find(east.Endpoints), Find(west.Endpoints));
    }

    [Fact]
    public void Dns_clusters_reprioritise_inline_endpoints_per_proxy_locality_from_one_cache()
    {
        var rule = Rule(locality: null, Outlier) with { Host = "ledger.example.com", Meta = new Model.Config.ConfigMeta { Name = "ledger", Namespace = "shop" } };
        var mesh = new MeshBuilder()
            .Service("ledger", "shop", s => s.Host("ledger.example.com").Resolution(Resolution.Dns).Port("http", 80, Protocol.Http))
            .Endpoint("ledger", "shop", "10.0.1.1", e => e.Locality("r1", "z1"))
            .Endpoint("ledger", "shop", "10.0.1.2", e => e.Locality("r2", "z3"))
            .Config(rule)
            .Build();
        var cache = new SharedResourceCache();
        var east = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r1", "z1", "10.1.0.1"), cache);
        var west = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh, "r2", "z3", "10.1.0.2"), cache);

        const string ledger = "outbound|80||ledger.example.com";
        var eastCluster = east.Clusters.Single(c => c.Unpack<Cluster>().Name == ledger);
        var westCluster = west.Clusters.Single(c => c.Unpack<Cluster>().Name == ledger);
        Assert.Equal(0u, PriorityByAddress(eastCluster.Unpack<Cluster>().LoadAssignment)["10.0.1.1"]);
        Assert.Equal(0u, PriorityByAddress(westCluster.Unpack<Cluster>().LoadAssignment)["10.0.1.2"]);
        Assert.Equal(1u, PriorityByAddress(westCluster.Unpack<Cluster>().LoadAssignment)["10.0.1.1"]);
    }

    private static Any Find(IReadOnlyList<Any> assignments) =>
        assignments.Single(a => a.Unpack<ClusterLoadAssignment>().ClusterName == CartCluster);
}
