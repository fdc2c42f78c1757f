namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using ControlPlane.Model.Config.Sidecars;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using static ControlPlane.Xds.Tests.Generation.Sidecars.SidecarIngressMesh;

/// <summary>
/// <c>outboundTrafficPolicy.egressProxy</c>: under ALLOW_ANY unknown traffic goes to the egress proxy's cluster in the
/// three catch-alls istiod uses it in (virtualOutbound, PassthroughFilterChain, the <c>allow_any</c> route).
/// </summary>
public sealed class EgressProxyTests
{
    private const string EgressCluster = "outbound|443||" + EgressGateway;

    [Fact]
    public void Allow_any_sends_unknown_traffic_to_the_egress_proxy()
    {
        var mesh = Build(s => s with { OutboundTrafficPolicy = OutboundTrafficPolicyMode.AllowAny, EgressProxy = EgressProxy });
        var proxy = Proxy(mesh);

        var catchAll = Generate.Listener(mesh, proxy, "virtualOutbound").FilterChains.Single(c => c.Name == "virtualOutbound-catchall-tcp");
        Assert.Equal(EgressCluster, TcpProxyOf(catchAll).Cluster);
        Assert.Equal(EgressCluster, TcpProxyOf(catchAll).StatPrefix);
        Assert.Equal(EgressCluster, TcpProxyOf(Generate.Listener(mesh, proxy, "0.0.0.0_9080").DefaultFilterChain).Cluster);
        var allowAny = Generate.Route(mesh, proxy, "9080").VirtualHosts[^1];
        Assert.Equal(("allow_any", EgressCluster), (allowAny.Name, allowAny.Routes.Single().Route_.Cluster));
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Registry_only_keeps_the_blackhole_whatever_the_egress_proxy()
    {
        // Validation rejects this combination; istiod ignores the egress proxy outside ALLOW_ANY.
        var mesh = Build(s => s with { OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly, EgressProxy = EgressProxy });
        var proxy = Proxy(mesh);

        var catchAll = Generate.Listener(mesh, proxy, "virtualOutbound").FilterChains.Single(c => c.Name == "virtualOutbound-catchall-tcp");
        Assert.Equal("BlackHoleCluster", TcpProxyOf(catchAll).Cluster);
        Assert.Equal("BlackHoleCluster", TcpProxyOf(Generate.Listener(mesh, proxy, "0.0.0.0_9080").DefaultFilterChain).Cluster);
        var blockAll = Generate.Route(mesh, proxy, "9080").VirtualHosts[^1];
        Assert.Equal("block_all", blockAll.Name);
        Assert.Equal(502u, blockAll.Routes.Single().DirectResponse.Status);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Without_egress_proxy_allow_any_passes_through()
    {
        var mesh = Build(s => s with { OutboundTrafficPolicy = OutboundTrafficPolicyMode.AllowAny });
        var proxy = Proxy(mesh);

        Assert.Equal("PassthroughCluster", TcpProxyOf(Generate.Listener(mesh, proxy, "0.0.0.0_9080").DefaultFilterChain).Cluster);
        Assert.Equal("PassthroughCluster", Generate.Route(mesh, proxy, "9080").VirtualHosts[^1].Routes.Single().Route_.Cluster);
    }

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();
}
