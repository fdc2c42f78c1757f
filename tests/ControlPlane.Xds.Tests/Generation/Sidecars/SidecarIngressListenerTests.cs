namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Xds;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using static ControlPlane.Xds.Tests.Generation.Sidecars.SidecarIngressMesh;

/// <summary>Sidecar <c>ingress</c> entries replace the workload's service ports in LDS, as istiod's <c>buildInboundChainConfigs</c> does.</summary>
public sealed class SidecarIngressListenerTests
{
    private const string PodIp = Bookinfo.ProductpageIp;

    [Fact]
    public void Ingress_entries_replace_the_service_ports_of_virtual_inbound()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Http, "http") with { DefaultEndpoint = "127.0.0.1:8080" }] });
        var proxy = Proxy(mesh);
        var listener = Generate.Listener(mesh, proxy, "virtualInbound");

        // Default bind is the workload's global unicast IP: chains are named after it.
        Assert.Equal(
            ["virtualInbound-blackhole", "virtualInbound-catchall-http", "virtualInbound", $"{PodIp}_8080"],
            listener.FilterChains.Select(c => c.Name));
        var chain = listener.FilterChains[^1];
        Assert.Equal(8080u, chain.FilterChainMatch.DestinationPort);
        Assert.Empty(chain.FilterChainMatch.ApplicationProtocols);
        Assert.Equal("/apis/networking.istio.io/v1/namespaces/default/sidecar/pp", chain.Metadata.FilterMetadata["istio"].Fields["config"].StringValue);
        var manager = ManagerOf(chain);
        Assert.Equal($"inbound_{PodIp}_8080;", manager.StatPrefix);
        Assert.Equal("inbound|8080||", manager.RouteConfig.Name);
        var host = Assert.Single(manager.RouteConfig.VirtualHosts);
        Assert.Equal("inbound|http|8080", host.Name);
        var route = Assert.Single(host.Routes);
        Assert.Equal("inbound|8080||", route.Route_.Cluster);
        Assert.Equal("pp.default:8080/*", route.Decorator.Operation);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Tcp_ports_get_a_tcp_proxy_chain_and_undeclared_protocols_both_chains()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(9000, Protocol.Tcp, "tcp"), Ingress(9100, Protocol.Unsupported)] });
        var listener = Generate.Listener(mesh, Proxy(mesh), "virtualInbound");

        var tcp = listener.FilterChains.Where(c => c.FilterChainMatch?.DestinationPort == 9000).ToList();
        var chain = Assert.Single(tcp);
        Assert.Equal(["istio.metadata_exchange", "envoy.filters.network.tcp_proxy"], chain.Filters.Select(f => f.Name));
        Assert.Equal("inbound|9000||", TcpProxyOf(chain).Cluster);

        var sniffed = listener.FilterChains.Where(c => c.FilterChainMatch?.DestinationPort == 9100).ToList();
        Assert.Equal(2, sniffed.Count);
        Assert.Equal(["http/1.1", "h2c"], sniffed[0].FilterChainMatch.ApplicationProtocols);
        Assert.Equal("inbound|9100||", ManagerOf(sniffed[0]).RouteConfig.Name);
        Assert.Equal("inbound|9100||", TcpProxyOf(sniffed[1]).Cluster);

        // The HTTP inspector runs on 9100 (and for the passthrough chains); the TCP port and 15006 are excluded.
        var inspector = listener.ListenerFilters.Single(f => f.Name == "envoy.filters.listener.http_inspector");
        Assert.Equal([9000, 15006], inspector.FilterDisabled.OrMatch.Rules.Select(r => r.DestinationPortRange.Start));
    }

    [Fact]
    public void Capture_mode_none_gets_a_listener_of_its_own_after_virtual_inbound()
    {
        var mesh = Build(s => s with
        {
            Ingress = [Ingress(8080, Protocol.Http, "http") with { CaptureMode = CaptureMode.None, DefaultEndpoint = "127.0.0.1:8081" }, Ingress(9000, Protocol.Tcp)],
        });
        var proxy = Proxy(mesh);
        var listeners = Generate.Listeners(mesh, proxy);

        Assert.Equal(["virtualOutbound", "virtualInbound", $"{PodIp}_8080"], listeners.Select(l => l.Name).SkipWhile(n => n != "virtualOutbound"));
        var own = listeners[^1];
        Assert.Equal(PodIp, own.Address.SocketAddress.Address);
        Assert.Equal(8080u, own.Address.SocketAddress.PortValue);
        Assert.Null(own.BindToPort);
        Assert.Equal(TrafficDirection.Inbound, own.TrafficDirection);
        Assert.Empty(own.ListenerFilters);
        Assert.Equal("inbound|8080||", ManagerOf(Assert.Single(own.FilterChains)).RouteConfig.Name);

        var virtualInbound = listeners.Single(l => l.Name == "virtualInbound");
        Assert.DoesNotContain(virtualInbound.FilterChains, c => c.FilterChainMatch?.DestinationPort == 8080);
        Assert.Contains(virtualInbound.FilterChains, c => c.FilterChainMatch?.DestinationPort == 9000);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Explicit_bind_names_the_listener()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Tcp) with { Bind = "127.0.0.1", CaptureMode = CaptureMode.None }] });
        var listener = Generate.Listener(mesh, Proxy(mesh), "127.0.0.1_8080");

        Assert.Equal("127.0.0.1", listener.Address.SocketAddress.Address);
        Assert.Equal("127.0.0.1_8080", Assert.Single(listener.FilterChains).Name);
    }

    [Fact]
    public void Without_interception_default_capture_binds_real_ports_and_drops_the_virtual_listeners()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Http, "http")] });
        var proxy = Proxy(mesh) with { InterceptionMode = "NONE" };
        var names = Generate.Listeners(mesh, proxy).Select(l => l.Name).ToList();

        Assert.DoesNotContain("virtualInbound", names);
        Assert.DoesNotContain("virtualOutbound", names);
        Assert.Equal($"{PodIp}_8080", names[^1]);

        // istiod builds the ingress clusters without interception too, so the listener's cluster exists.
        var snapshot = EnvoySnapshots.ForSidecar(mesh.Push, proxy);
        Assert.Empty(snapshot.Problems());
        Assert.Contains(Generate.Clusters(mesh, proxy), c => c.Name == "inbound|8080||");
    }

    [Fact]
    public void Without_interception_and_without_ingress_there_are_no_inbound_listeners()
    {
        var mesh = Bookinfo.Mesh().Build();
        var proxy = Bookinfo.Productpage(mesh) with { InterceptionMode = "NONE" };

        Assert.All(Generate.Listeners(mesh, proxy), l => Assert.NotEqual(TrafficDirection.Inbound, l.TrafficDirection));
    }

    [Fact]
    public void Ingress_on_an_agent_port_of_the_wildcard_is_skipped_but_not_the_virtual_listener_ports()
    {
        var mesh = Build(s => s with
        {
            Ingress = [Ingress(15021, Protocol.Http) with { Bind = "0.0.0.0" }, Ingress(15006, Protocol.Http) with { Bind = "0.0.0.0", CaptureMode = CaptureMode.None }],
        });
        var names = Generate.Listeners(mesh, Proxy(mesh)).Select(l => l.Name).ToList();
        var inbound = Generate.Listener(mesh, Proxy(mesh), "virtualInbound");

        Assert.DoesNotContain(inbound.FilterChains, c => c.FilterChainMatch?.DestinationPort == 15021);
        Assert.Contains("0.0.0.0_15006", names);
    }

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();

    private static HttpConnectionManager ManagerOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.http_connection_manager").TypedConfig.Unpack<HttpConnectionManager>();
}
