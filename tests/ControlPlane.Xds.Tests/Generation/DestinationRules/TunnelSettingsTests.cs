namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Testing.Mesh;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// <c>trafficPolicy.tunnel</c> as istiod's <c>tunnelingconfig.Apply</c> sets it on outbound tcp_proxy filters: the rule's
/// tunnel for the service's own chain, a routed subset's own tunnel only, the first destination's rule level for weighted
/// routes, <c>targetHost:targetPort</c> (IPv6 bracketed) and <c>use_post</c> for POST.
/// </summary>
public sealed class TunnelSettingsTests
{
    private const string Host = "mysql.db.svc.cluster.local";
    private const string MysqlListener = "10.96.0.20_3306";

    private static readonly TunnelSettings RuleTunnel = new("egress.corp", 8080, UsePost: false);

    [Fact]
    public void The_services_own_tcp_chain_tunnels_to_target_host_and_port_with_connect()
    {
        var tunnel = TcpProxyOf(Mysql(RuleWithTunnel(RuleTunnel))).TunnelingConfig;

        Assert.Equal("egress.corp:8080", tunnel.Hostname);
        Assert.False(tunnel.UsePost);
    }

    [Fact]
    public void Post_sets_use_post_and_an_ipv6_target_is_bracketed()
    {
        var tunnel = TcpProxyOf(Mysql(RuleWithTunnel(new TunnelSettings("fd00::1", 443, UsePost: true)))).TunnelingConfig;

        Assert.Equal("[fd00::1]:443", tunnel.Hostname);
        Assert.True(tunnel.UsePost);
    }

    [Fact]
    public void A_routed_subset_uses_its_own_tunnel_and_never_the_rules()
    {
        var rule = RuleWithTunnel(
            RuleTunnel,
            Subset("v1", "v1", new TrafficPolicy { Tunnel = new TunnelSettings("v1.proxy", 3128, UsePost: false) }),
            Subset("v2", "v2"));

        Assert.Equal("v1.proxy:3128", TcpProxyOf(Mysql(rule, Route(("v1", 0)))).TunnelingConfig.Hostname);
        Assert.Null(TcpProxyOf(Mysql(rule, Route(("v2", 0)))).TunnelingConfig);
    }

    [Fact]
    public void Weighted_routes_take_the_rule_level_tunnel()
    {
        var rule = RuleWithTunnel(RuleTunnel, Subset("v1", "v1", new TrafficPolicy { Tunnel = new TunnelSettings("v1.proxy", 3128, false) }), Subset("v2", "v2"));

        var proxy = TcpProxyOf(Mysql(rule, Route(("v1", 80), ("v2", 20))));

        Assert.Equal("egress.corp:8080", proxy.TunnelingConfig.Hostname);
    }

    [Fact]
    public void Without_a_tunnel_the_tcp_proxy_has_no_tunneling_config()
    {
        Assert.Null(TcpProxyOf(Mysql(Rule(Host, new TrafficPolicy { ProxyProtocol = ProxyProtocolVersion.V1 }))).TunnelingConfig);
    }

    private static DestinationRule RuleWithTunnel(TunnelSettings tunnel, params Subset[] subsets) =>
        Rule(Host, new TrafficPolicy { Tunnel = tunnel }, subsets) with { Meta = Meta("mysql", "db") };

    private static VirtualService Route(params (string Subset, int Weight)[] destinations) => new()
    {
        Meta = Meta("mysql-route", "db"),
        Hosts = ["mysql"],
        Tcp = [new TcpRoute([], [.. destinations.Select(d => new RouteDestination(new Destination("mysql", d.Subset), d.Weight))])],
    };

    private static FilterChain Mysql(DestinationRule rule, VirtualService? vs = null)
    {
        var builder = Bookinfo.Mesh().Config(rule);
        if (vs is not null)
        {
            builder.Config(vs);
        }

        var mesh = builder.Build();
        return Assert.Single(Generate.Listener(mesh, Bookinfo.Productpage(mesh), MysqlListener).FilterChains);
    }

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();
}
