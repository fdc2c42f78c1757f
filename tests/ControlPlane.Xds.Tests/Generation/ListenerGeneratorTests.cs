namespace ControlPlane.Xds.Tests.Generation;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Listeners;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

public sealed class ListenerGeneratorTests
{
    [Fact]
    public void Listeners_come_outbound_first_then_virtual_outbound_then_virtual_inbound()
    {
        var mesh = Bookinfo.Mesh().Build();
        var names = Generate.Listeners(mesh, Bookinfo.Productpage(mesh)).Select(l => l.Name);

        Assert.Equal(["10.96.0.20_3306", "0.0.0.0_9080", "virtualOutbound", "virtualInbound"], names);
    }

    [Theory]
    [InlineData(OutboundTrafficPolicyMode.AllowAny, "PassthroughCluster")]
    [InlineData(OutboundTrafficPolicyMode.RegistryOnly, "BlackHoleCluster")]
    public void Virtual_outbound_blackholes_its_own_port_and_sends_the_rest_per_policy(OutboundTrafficPolicyMode mode, string catchAll)
    {
        var mesh = Bookinfo.Mesh().Mesh(m => m with { OutboundTrafficPolicy = mode }).Build();
        var listener = Generate.Listener(mesh, Bookinfo.Productpage(mesh), "virtualOutbound");

        Assert.Equal("0.0.0.0", listener.Address.SocketAddress.Address);
        Assert.Equal(15001u, listener.Address.SocketAddress.PortValue);
        Assert.True(listener.UseOriginalDst);
        Assert.Equal(TrafficDirection.Outbound, listener.TrafficDirection);
        Assert.Equal(["virtualOutbound-blackhole", "virtualOutbound-catchall-tcp"], listener.FilterChains.Select(c => c.Name));
        Assert.Equal(15001u, listener.FilterChains[0].FilterChainMatch.DestinationPort);
        Assert.Equal("BlackHoleCluster", TcpProxyOf(listener.FilterChains[0]).Cluster);
        Assert.Equal(catchAll, TcpProxyOf(listener.FilterChains[1]).Cluster);
    }

    [Fact]
    public void Http_port_gets_a_shared_wildcard_listener_using_rds()
    {
        var mesh = Bookinfo.Mesh().Build();
        var listener = Generate.Listener(mesh, Bookinfo.Productpage(mesh), "0.0.0.0_9080");

        Assert.False(listener.BindToPort);
        Assert.Equal(TrafficDirection.Outbound, listener.TrafficDirection);
        Assert.True(listener.ContinueOnListenerFiltersTimeout);
        Assert.Equal(["envoy.filters.listener.tls_inspector", "envoy.filters.listener.http_inspector"], listener.ListenerFilters.Select(f => f.Name));
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal(["http/1.1", "h2c"], chain.FilterChainMatch.ApplicationProtocols);
        Assert.Equal("raw_buffer", chain.FilterChainMatch.TransportProtocol);
        var manager = ManagerOf(chain);
        Assert.Equal("outbound_0.0.0.0_9080;", manager.StatPrefix);
        Assert.Equal("9080", manager.Rds.RouteConfigName);
        Assert.NotNull(manager.Rds.ConfigSource.Ads);
        Assert.Equal(
            ["istio.metadata_exchange", "envoy.filters.http.grpc_stats", "envoy.filters.http.fault", "envoy.filters.http.cors", "envoy.filters.http.router"],
            manager.HttpFilters.Select(f => f.Name));
        Assert.True(manager.HttpFilters[^1].TypedConfig.Is(Envoy.Extensions.Filters.Http.Router.V3.Router.Descriptor));
        Assert.Equal("PassthroughFilterChain", listener.DefaultFilterChain.Name);
        Assert.Equal("PassthroughCluster", TcpProxyOf(listener.DefaultFilterChain).Cluster);
    }

    [Fact]
    public void Tcp_port_listens_on_the_vip_and_proxies_to_the_service_cluster()
    {
        var mesh = Bookinfo.Mesh().Build();
        var listener = Generate.Listener(mesh, Bookinfo.Productpage(mesh), "10.96.0.20_3306");

        Assert.Equal("10.96.0.20", listener.Address.SocketAddress.Address);
        Assert.Empty(listener.ListenerFilters);
        Assert.Null(listener.DefaultFilterChain);
        var proxy = TcpProxyOf(Assert.Single(listener.FilterChains));
        Assert.Equal("outbound|3306||mysql.db.svc.cluster.local", proxy.Cluster);
        Assert.Equal("outbound|3306||mysql.db.svc.cluster.local", proxy.StatPrefix);
    }

    [Fact]
    public void Tcp_port_without_vip_falls_back_to_the_wildcard()
    {
        var mesh = new MeshBuilder().Service("cache", "default", s => s.Port("tcp", 6000)).Build();
        var names = Generate.Listeners(mesh, mesh.Sidecar("client", "default", "10.9.9.9")).Select(l => l.Name);

        Assert.Contains("0.0.0.0_6000", names);
    }

    [Fact]
    public void Sniffed_port_with_vip_gets_http_and_tcp_chains()
    {
        var mesh = new MeshBuilder().Service("legacy", "default", s => s.Port("web", 8000).Vip("10.96.5.5")).Build();
        var listener = Generate.Listener(mesh, mesh.Sidecar("client", "default", "10.9.9.9"), "10.96.5.5_8000");

        Assert.Equal(["envoy.filters.listener.tls_inspector", "envoy.filters.listener.http_inspector"], listener.ListenerFilters.Select(f => f.Name));
        var http = Assert.Single(listener.FilterChains);
        Assert.Equal("legacy.default.svc.cluster.local:8000", ManagerOf(http).Rds.RouteConfigName);
        Assert.Equal("outbound_10.96.5.5_8000;", ManagerOf(http).StatPrefix);
        Assert.Equal("outbound|8000||legacy.default.svc.cluster.local", TcpProxyOf(listener.DefaultFilterChain).Cluster);
    }

    [Fact]
    public void Ports_of_the_proxy_itself_are_skipped_on_wildcard_listeners()
    {
        var mesh = new MeshBuilder().Service("odd", "default", s => s.Port("http", 15001).Port("http-status", 15021).Port("http-ok", 8080)).Build();
        var names = Generate.Listeners(mesh, mesh.Sidecar("client", "default", "10.9.9.9")).Select(l => l.Name).ToList();

        Assert.Contains("0.0.0.0_8080", names);
        Assert.DoesNotContain("0.0.0.0_15001", names);
        Assert.DoesNotContain("0.0.0.0_15021", names);
    }

    [Fact]
    public void Tcp_virtual_service_splits_traffic_with_weighted_clusters()
    {
        var vs = new VirtualService
        {
            Meta = Meta("mysql-split", "db"),
            Hosts = ["mysql"],
            Tcp = [new TcpRoute([], [new RouteDestination(new Destination("mysql", "v1"), 80), new RouteDestination(new Destination("mysql", "v2"), 20)])],
        };
        var mesh = Bookinfo.Mesh().Config(vs).Build();
        var chain = Assert.Single(Generate.Listener(mesh, Bookinfo.Productpage(mesh), "10.96.0.20_3306").FilterChains);
        var proxy = TcpProxyOf(chain);

        Assert.Equal("mysql-split.db", proxy.StatPrefix);
        Assert.Equal(["outbound|3306|v1|mysql.db.svc.cluster.local", "outbound|3306|v2|mysql.db.svc.cluster.local"], proxy.WeightedClusters.Clusters.Select(c => c.Name));
        Assert.Equal([80u, 20u], proxy.WeightedClusters.Clusters.Select(c => c.Weight));
        Assert.Equal("/apis/networking.istio.io/v1/namespaces/db/virtual-service/mysql-split", chain.Metadata.FilterMetadata["istio"].Fields["config"].StringValue);
    }

    [Fact]
    public void Virtual_inbound_holds_blackhole_passthrough_and_workload_port_chains()
    {
        var mesh = Bookinfo.Mesh().Build();
        var listener = Generate.Listener(mesh, Bookinfo.Productpage(mesh), "virtualInbound");

        Assert.Equal(15006u, listener.Address.SocketAddress.PortValue);
        Assert.Equal(TrafficDirection.Inbound, listener.TrafficDirection);
        Assert.Equal(
            ["virtualInbound-blackhole", "virtualInbound-catchall-http", "virtualInbound", "0.0.0.0_9080"],
            listener.FilterChains.Select(c => c.Name));
        Assert.Equal("envoy.filters.listener.original_dst", listener.ListenerFilters[0].Name);
        var inspector = listener.ListenerFilters[1];
        Assert.Equal("envoy.filters.listener.http_inspector", inspector.Name);
        Assert.Equal([9080, 15006], inspector.FilterDisabled.OrMatch.Rules.Select(r => r.DestinationPortRange.Start));

        var app = listener.FilterChains[3];
        Assert.Equal(9080u, app.FilterChainMatch.DestinationPort);
        Assert.Equal("raw_buffer", app.FilterChainMatch.TransportProtocol);
        var manager = ManagerOf(app);
        Assert.Equal("inbound_0.0.0.0_9080;", manager.StatPrefix);
        Assert.Equal("inbound|9080||", manager.RouteConfig.Name);
        var host = Assert.Single(manager.RouteConfig.VirtualHosts);
        Assert.Equal("inbound|http|9080", host.Name);
        Assert.Equal(["*"], host.Domains);
        var route = Assert.Single(host.Routes);
        Assert.Equal("default", route.Name);
        Assert.Equal("inbound|9080||", route.Route_.Cluster);
        Assert.Equal(0, route.Route_.Timeout.Seconds);
        Assert.Equal("productpage.default.svc.cluster.local:9080/*", route.Decorator.Operation);

        Assert.Equal("InboundPassthroughCluster", TcpProxyOf(listener.FilterChains[2]).Cluster);
    }

    [Fact]
    public void Interception_none_drops_virtual_listeners_and_binds_localhost()
    {
        var mesh = Bookinfo.Mesh().Build();
        var proxy = Bookinfo.Productpage(mesh) with { InterceptionMode = "NONE" };
        var listeners = Generate.Listeners(mesh, proxy);

        Assert.Equal(["127.0.0.1_3306", "127.0.0.1_9080"], listeners.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.All(listeners, l => Assert.Null(l.BindToPort));
    }

    [Fact]
    public void Sidecar_egress_port_listener_uses_only_its_own_services()
    {
        var sidecar = Sidecar(
            "default",
            new SidecarEgressListener(["./reviews.default.svc.cluster.local"]) { Port = new SidecarPort(9080, Protocol.Http, "http") },
            Egress("db/*"));
        var mesh = Bookinfo.Mesh().Config(sidecar).Build();
        var listeners = Generate.Listeners(mesh, Bookinfo.Productpage(mesh));

        Assert.Equal(["10.96.0.20_3306", "0.0.0.0_9080", "virtualOutbound", "virtualInbound"], listeners.Select(l => l.Name));
        var routes = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080");
        Assert.Equal(["reviews.default.svc.cluster.local:9080", "allow_any"], routes.VirtualHosts.Select(v => v.Name));
    }

    [Fact]
    public void Only_full_pushes_affect_listeners()
    {
        var generator = new ListenerGenerator();
        Assert.False(generator.IsAffectedBy(Requests.EndpointsOnly()));
        Assert.True(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.Sidecar)));
        Assert.False(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.WorkloadEntry)));
    }

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();

    private static HttpConnectionManager ManagerOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.http_connection_manager").TypedConfig.Unpack<HttpConnectionManager>();
}
