namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using System.Collections.Frozen;
using ControlPlane.Model.Config.DestinationRules;
using static ControlPlane.Xds.Tests.Generation.DestinationRules.LocalityMesh;

/// <summary>
/// <c>localityLbSetting</c> in EDS and CDS as istiod applies it (<c>ApplyLocalityLoadBalancer</c>): priorities relative
/// to the calling proxy, only with outlier detection; weights for <c>distribute</c>; label priorities.
/// </summary>
public sealed class LocalityLoadBalancingTests
{
    [Fact]
    public void Outlier_detection_alone_orders_endpoints_by_proximity_under_the_mesh_default()
    {
        var mesh = Build(Rule(locality: null, Outlier));
        var assignment = Generate.Endpoint(mesh, Client(mesh, "r1", "z1"), CartCluster);

        var priorities = PriorityByAddress(assignment);
        Assert.Equal(0u, priorities["10.0.0.1"]);
        Assert.Equal(1u, priorities["10.0.0.2"]);
        Assert.Equal(2u, priorities["10.0.0.3"]);
        Assert.Equal(2u, priorities["10.0.0.4"]);
    }

    [Fact]
    public void Without_outlier_detection_failover_leaves_every_endpoint_at_priority_zero()
    {
        var mesh = Build(Rule(Failover(("r1", "r3"))));
        var assignment = Generate.Endpoint(mesh, Client(mesh, "r1", "z1"), CartCluster);

        Assert.All(assignment.Endpoints, g => Assert.Equal(0u, g.Priority));
        Assert.Null(Generate.Cluster(mesh, Client(mesh, "r1", "z1"), CartCluster).CommonLbConfig.LocalityWeightedLbConfig);
    }

    [Fact]
    public void Failover_target_region_ranks_above_other_regions()
    {
        var mesh = Build(Rule(Failover(("r1", "r3")), Outlier));
        var proxy = Client(mesh, "r1", "z1");
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        Assert.Equal(0u, priorities["10.0.0.1"]);
        Assert.Equal(1u, priorities["10.0.0.2"]);
        Assert.Equal(2u, priorities["10.0.0.4"]);
        Assert.Equal(3u, priorities["10.0.0.3"]);
        Assert.NotNull(Generate.Cluster(mesh, proxy, CartCluster).CommonLbConfig.LocalityWeightedLbConfig);
    }

    [Fact]
    public void Disabled_setting_turns_failover_off_even_with_outlier_detection()
    {
        var mesh = Build(Rule(new LocalityLbSetting { Enabled = false }, Outlier));

        Assert.All(Generate.Endpoint(mesh, Client(mesh, "r1", "z1"), CartCluster).Endpoints, g => Assert.Equal(0u, g.Priority));
    }

    [Fact]
    public void Mesh_wide_setting_applies_when_the_rule_has_none()
    {
        var mesh = Build(Rule(locality: null, Outlier), m => m with { LocalityLbSetting = Failover(("r1", "r2")) });
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, Client(mesh, "r1", "z2"), CartCluster));

        Assert.Equal(0u, priorities["10.0.0.2"]);
        Assert.Equal(1u, priorities["10.0.0.1"]);
        Assert.Equal(2u, priorities["10.0.0.3"]);
        Assert.Equal(3u, priorities["10.0.0.4"]);
    }

    [Fact]
    public void Mesh_wide_disabled_setting_leaves_rules_without_one_alone()
    {
        var mesh = Build(Rule(locality: null, Outlier), m => m with { LocalityLbSetting = new LocalityLbSetting { Enabled = false } });

        Assert.All(Generate.Endpoint(mesh, Client(mesh, "r1", "z1"), CartCluster).Endpoints, g => Assert.Equal(0u, g.Priority));
    }

    [Fact]
    public void Distribute_rewrites_locality_weights_and_empties_unlisted_localities()
    {
        var mesh = Build(Rule(Distribute("r1/z1/*", ("r1/z1/*", 70), ("r2/*", 30))));
        var proxy = Client(mesh, "r1", "z1");
        var assignment = Generate.Endpoint(mesh, proxy, CartCluster);

        var byZone = assignment.Endpoints.ToDictionary(g => g.Locality.Zone);
        Assert.Equal(70u, byZone["z1"].LoadBalancingWeight);
        Assert.Equal(30u, byZone["z3"].LoadBalancingWeight);
        Assert.Empty(byZone["z2"].LbEndpoints);
        Assert.Empty(byZone["z4"].LbEndpoints);
        Assert.NotNull(Generate.Cluster(mesh, proxy, CartCluster).CommonLbConfig.LocalityWeightedLbConfig);
    }

    [Fact]
    public void Distribute_for_another_source_locality_changes_nothing()
    {
        var mesh = Build(Rule(Distribute("r9/*", ("r1/*", 100))));
        var assignment = Generate.Endpoint(mesh, Client(mesh, "r1", "z1"), CartCluster);

        Assert.All(assignment.Endpoints, g => Assert.Equal(1u, g.LoadBalancingWeight));
        Assert.All(assignment.Endpoints, g => Assert.Single(g.LbEndpoints));
    }

    [Fact]
    public void Failover_priority_ranks_endpoints_by_matching_proxy_labels_in_order()
    {
        var mesh = Build(Rule(Priorities("topology.kubernetes.io/region", "tier"), Outlier));
        var proxy = Client(mesh, "r1", "z9", "10.1.0.1", ("tier", "gold"));
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        Assert.Equal(0u, priorities["10.0.0.1"]);
        Assert.Equal(1u, priorities["10.0.0.2"]);
        Assert.Equal(2u, priorities["10.0.0.3"]);
        Assert.Equal(2u, priorities["10.0.0.4"]);
    }

    [Fact]
    public void Failover_priority_network_key_uses_the_proxy_network_metadata()
    {
        var mesh = Build(Rule(Priorities("topology.istio.io/network"), Outlier));
        var proxy = Client(mesh, "r1", "z1") with
        {
            Metadata = new Dictionary<string, string> { ["NETWORK"] = "net2" }.ToFrozenDictionary(),
            Labels = new Dictionary<string, string> { ["app"] = "web" }.ToFrozenDictionary(),
        };
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        Assert.Equal(0u, priorities["10.0.0.4"]);
        Assert.All(["10.0.0.1", "10.0.0.2", "10.0.0.3"], a => Assert.Equal(1u, priorities[a]));
    }

    [Fact]
    public void Failover_priority_override_compares_with_the_given_value()
    {
        var mesh = Build(Rule(Priorities("tier=silver"), Outlier));
        var proxy = Client(mesh, "r1", "z1", "10.1.0.1", ("tier", "gold"));
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        Assert.Equal(0u, priorities["10.0.0.2"]);
        Assert.All(["10.0.0.1", "10.0.0.3", "10.0.0.4"], a => Assert.Equal(1u, priorities[a]));
    }

    [Fact]
    public void Failover_priority_with_failover_combines_both_rankings()
    {
        var mesh = Build(Rule(Priorities("tier") with { Failover = [new LocalityFailover("r1", "r2")] }, Outlier));
        var proxy = Client(mesh, "r1", "z1", "10.1.0.1", ("tier", "gold"));
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        // Gold first (same zone, then the failover region), then the rest by proximity.
        Assert.Equal(0u, priorities["10.0.0.1"]);
        Assert.Equal(1u, priorities["10.0.0.3"]);
        Assert.Equal(2u, priorities["10.0.0.2"]);
        Assert.Equal(3u, priorities["10.0.0.4"]);
    }

    [Fact]
    public void Proxy_locality_comes_from_its_own_endpoint_before_the_node()
    {
        var mesh = Build(Rule(locality: null, Outlier));
        var proxy = Client(mesh, "r9", "z9", "10.0.0.3");
        var priorities = PriorityByAddress(Generate.Endpoint(mesh, proxy, CartCluster));

        Assert.Equal(0u, priorities["10.0.0.3"]);
    }
}
