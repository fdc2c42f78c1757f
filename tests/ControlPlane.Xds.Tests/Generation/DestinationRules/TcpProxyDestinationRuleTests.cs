namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using System.Collections.Frozen;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Proxies;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Listeners;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Google.Protobuf.WellKnownTypes;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// What istiod's <c>buildOutboundNetworkFiltersWithSingleDestination</c> / <c>...WithWeightedClusters</c> put on an outbound
/// tcp_proxy from the destination's DestinationRule: the rule-level <c>connectionPool.tcp</c> idle timeout (else the
/// proxy's <c>IDLE_TIMEOUT</c>) and max connection duration, and a source-IP hash policy (<c>maybeSetHashPolicy</c>).
/// </summary>
public sealed class TcpProxyDestinationRuleTests
{
    private const string Host = "mysql.db.svc.cluster.local";
    private const string MysqlListener = "10.96.0.20_3306";

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromHours(2);

    [Fact]
    public void The_rules_tcp_idle_timeout_and_max_connection_duration_go_on_the_services_own_tcp_proxy()
    {
        var proxy = TcpProxyOf(Mysql(RuleWith(new TrafficPolicy { ConnectionPool = TcpPool(Idle, MaxDuration) })));

        Assert.Equal(Duration.FromTimeSpan(Idle), proxy.IdleTimeout);
        Assert.Equal(Duration.FromTimeSpan(MaxDuration), proxy.MaxDownstreamConnectionDuration);
    }

    [Fact]
    public void Without_a_rule_nothing_is_set_beyond_the_cluster()
    {
        var proxy = TcpProxyOf(Mysql(rule: null));

        Assert.Null(proxy.IdleTimeout);
        Assert.Null(proxy.MaxDownstreamConnectionDuration);
        Assert.Empty(proxy.HashPolicy);
    }

    [Fact]
    public void The_proxys_idle_timeout_metadata_applies_when_the_rule_sets_no_tcp_idle_timeout()
    {
        var withoutIdle = RuleWith(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { MaxConnections = 10 } });

        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(90)), TcpProxyOf(Mysql(withoutIdle, idleTimeoutMetadata: "1m30s")).IdleTimeout);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(90)), TcpProxyOf(Mysql(rule: null, idleTimeoutMetadata: "1m30s")).IdleTimeout);
        Assert.Null(TcpProxyOf(Mysql(rule: null, idleTimeoutMetadata: "soon")).IdleTimeout);
    }

    [Fact]
    public void The_rules_idle_timeout_wins_over_the_proxys_metadata()
    {
        var rule = RuleWith(new TrafficPolicy { ConnectionPool = TcpPool(Idle, null) });

        Assert.Equal(Duration.FromTimeSpan(Idle), TcpProxyOf(Mysql(rule, idleTimeoutMetadata: "5s")).IdleTimeout);
    }

    [Fact]
    public void The_http_idle_timeout_does_not_reach_the_tcp_proxy()
    {
        var rule = RuleWith(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { HttpIdleTimeout = Idle } });

        Assert.Null(TcpProxyOf(Mysql(rule)).IdleTimeout);
    }

    [Fact]
    public void Port_level_and_subset_connection_pools_are_not_read_only_the_rules()
    {
        var rule = RuleWith(
            new TrafficPolicy
            {
                ConnectionPool = TcpPool(Idle, null),
                PortLevelSettings = [new PortTrafficPolicy(3306) { ConnectionPool = TcpPool(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)) }],
            },
            Subset("v1", "v1", new TrafficPolicy { ConnectionPool = TcpPool(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4)) }));

        var own = TcpProxyOf(Mysql(rule));
        var routed = TcpProxyOf(Mysql(rule, Route(("v1", 0))));

        Assert.Equal(Duration.FromTimeSpan(Idle), own.IdleTimeout);
        Assert.Null(own.MaxDownstreamConnectionDuration);
        Assert.Equal(Duration.FromTimeSpan(Idle), routed.IdleTimeout);
        Assert.Null(routed.MaxDownstreamConnectionDuration);
    }

    [Fact]
    public void A_rule_hashing_on_the_source_ip_gives_the_tcp_proxy_a_source_ip_hash_policy()
    {
        var proxy = TcpProxyOf(Mysql(RuleWith(new TrafficPolicy { LoadBalancer = SourceIpHash() })));

        Assert.NotNull(Assert.Single(proxy.HashPolicy).SourceIp);
    }

    [Fact]
    public void A_header_hash_or_a_port_level_source_ip_hash_gives_no_hash_policy()
    {
        var header = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user" } };
        var portLevel = new TrafficPolicy { PortLevelSettings = [new PortTrafficPolicy(3306) { LoadBalancer = SourceIpHash() }] };

        Assert.Empty(TcpProxyOf(Mysql(RuleWith(new TrafficPolicy { LoadBalancer = header }))).HashPolicy);
        Assert.Empty(TcpProxyOf(Mysql(RuleWith(portLevel))).HashPolicy);
    }

    [Fact]
    public void A_routed_subset_with_its_own_load_balancer_decides_alone_and_one_without_inherits_the_rules()
    {
        var rule = RuleWith(
            new TrafficPolicy { LoadBalancer = SourceIpHash() },
            Subset("simple", "v1", new TrafficPolicy { LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.RoundRobin) }),
            Subset("inherits", "v2", new TrafficPolicy { ConnectionPool = TcpPool(Idle, null) }));
        var subsetOnly = RuleWith(
            new TrafficPolicy { ConnectionPool = TcpPool(Idle, null) },
            Subset("hashed", "v1", new TrafficPolicy { LoadBalancer = SourceIpHash() }));

        Assert.Empty(TcpProxyOf(Mysql(rule, Route(("simple", 0)))).HashPolicy);
        Assert.Single(TcpProxyOf(Mysql(rule, Route(("inherits", 0)))).HashPolicy);
        Assert.Single(TcpProxyOf(Mysql(subsetOnly, Route(("hashed", 0)))).HashPolicy);
    }

    [Fact]
    public void Weighted_routes_take_the_rule_level_settings_and_ignore_subset_load_balancers()
    {
        var rule = RuleWith(
            new TrafficPolicy { ConnectionPool = TcpPool(Idle, MaxDuration) },
            Subset("v1", "v1", new TrafficPolicy { LoadBalancer = SourceIpHash() }),
            Subset("v2", "v2"));

        var proxy = TcpProxyOf(Mysql(rule, Route(("v1", 80), ("v2", 20))));

        Assert.Equal(2, proxy.WeightedClusters.Clusters.Count);
        Assert.Equal(Duration.FromTimeSpan(Idle), proxy.IdleTimeout);
        Assert.Equal(Duration.FromTimeSpan(MaxDuration), proxy.MaxDownstreamConnectionDuration);
        Assert.Empty(proxy.HashPolicy);
    }

    [Fact]
    public void The_catch_all_tcp_proxy_takes_only_the_proxys_idle_timeout_metadata()
    {
        var mesh = Bookinfo.Mesh().Config(RuleWith(new TrafficPolicy { ConnectionPool = TcpPool(Idle, MaxDuration) })).Build();
        var context = Generate.Context(mesh, WithIdleTimeout(Bookinfo.Productpage(mesh), "10s"));

        var proxy = CatchAllFilters.Outbound(context).TypedConfig.Unpack<TcpProxy>();

        Assert.Equal("PassthroughCluster", proxy.Cluster);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromSeconds(10)), proxy.IdleTimeout);
        Assert.Null(proxy.MaxDownstreamConnectionDuration);
    }

    [Fact]
    public void The_idle_timeout_metadata_reaches_the_virtual_listeners_catch_all_and_inbound_passthrough_but_not_the_loop_guard()
    {
        var mesh = Bookinfo.Mesh().Build();
        var proxy = WithIdleTimeout(Bookinfo.Productpage(mesh), "10s");
        var tenSeconds = Duration.FromTimeSpan(TimeSpan.FromSeconds(10));

        var outbound = Generate.Listener(mesh, proxy, "virtualOutbound");
        var inbound = Generate.Listener(mesh, proxy, "virtualInbound");

        Assert.Equal(tenSeconds, TcpProxyOf(outbound.FilterChains.Single(c => c.Name == "virtualOutbound-catchall-tcp")).IdleTimeout);
        Assert.Null(TcpProxyOf(outbound.FilterChains.Single(c => c.Name == "virtualOutbound-blackhole")).IdleTimeout);
        Assert.All(
            inbound.FilterChains.Where(c => c.Filters.Any(f => f.Name == "envoy.filters.network.tcp_proxy") && c.Name != "virtualInbound-blackhole"),
            chain => Assert.Equal(tenSeconds, TcpProxyOf(chain).IdleTimeout));
    }

    private static ConnectionPoolSettings TcpPool(TimeSpan? idle, TimeSpan? max) =>
        new() { TcpIdleTimeout = idle, MaxConnectionDuration = max };

    private static LoadBalancerSettings SourceIpHash() =>
        new(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { UseSourceIp = true } };

    private static DestinationRule RuleWith(TrafficPolicy policy, params Subset[] subsets) =>
        Rule(Host, policy, subsets) with { Meta = Meta("mysql", "db") };

    private static VirtualService Route(params (string Subset, int Weight)[] destinations) => new()
    {
        Meta = Meta("mysql-route", "db"),
        Hosts = ["mysql"],
        Tcp = [new TcpRoute([], [.. destinations.Select(d => new RouteDestination(new Destination("mysql", d.Subset), d.Weight))])],
    };

    private static FilterChain Mysql(DestinationRule? rule, VirtualService? vs = null, string? idleTimeoutMetadata = null)
    {
        var builder = Bookinfo.Mesh();
        if (rule is not null)
        {
            builder.Config(rule);
        }

        if (vs is not null)
        {
            builder.Config(vs);
        }

        var mesh = builder.Build();
        var proxy = Bookinfo.Productpage(mesh);
        if (idleTimeoutMetadata is not null)
        {
            proxy = WithIdleTimeout(proxy, idleTimeoutMetadata);
        }

        return Assert.Single(Generate.Listener(mesh, proxy, MysqlListener).FilterChains);
    }

    private static Proxy WithIdleTimeout(Proxy proxy, string value) =>
        proxy with { Metadata = new Dictionary<string, string> { ["IDLE_TIMEOUT"] = value }.ToFrozenDictionary() };

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();
}
