namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using System.Collections.Frozen;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using static ControlPlane.Xds.Tests.Generation.Sidecars.SidecarIngressMesh;

/// <summary>
/// Sidecar egress listeners on a Unix domain socket (port 0, <c>bind: unix://...</c>), as istiod's
/// <c>buildSidecarOutboundListeners</c> builds them: a real listener on a pipe, named <c>&lt;bind&gt;_0</c>, with the
/// egress listener's HTTP chain (RDS named after the socket) or TCP chains.
/// </summary>
public sealed class SidecarEgressUnixSocketTests
{
    private const string Socket = "unix:///var/run/egress.sock";

    [Fact]
    public void An_http_socket_listener_listens_on_the_pipe_and_routes_through_rds_named_after_the_socket()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });
        var proxy = Proxy(mesh);
        var listener = Generate.Listener(mesh, proxy, Socket + "_0");

        Assert.Equal("/var/run/egress.sock", listener.Address.Pipe.Path);
        Assert.Null(listener.Address.SocketAddress);
        Assert.Null(listener.BindToPort);
        Assert.Equal(Envoy.Config.Core.V3.TrafficDirection.Outbound, listener.TrafficDirection);
        Assert.Empty(listener.ListenerFilters);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Null(chain.FilterChainMatch);
        Assert.Null(listener.DefaultFilterChain);
        var manager = ManagerOf(chain);
        Assert.Equal(Socket, manager.Rds.RouteConfigName);
        Assert.Equal($"outbound_{Socket}_0;", manager.StatPrefix);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void The_socket_route_configuration_holds_every_port_of_the_listener_services_then_the_catch_all()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });
        var proxy = Proxy(mesh);

        var routes = Generate.Route(mesh, proxy, Socket);

        Assert.Equal(["reviews.default.svc.cluster.local:9080", "allow_any"], routes.VirtualHosts.Select(v => v.Name));
        Assert.Contains("reviews.default.svc.cluster.local", routes.VirtualHosts[0].Domains);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Another_socket_name_matches_no_egress_listener_and_gets_an_empty_configuration()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local")] });

        var names = Generate.Route(mesh, Proxy(mesh), "unix:///var/run/other.sock").VirtualHosts.Select(v => v.Name);

        Assert.DoesNotContain("reviews.default.svc.cluster.local:9080", names);
    }

    [Fact]
    public void A_tcp_socket_listener_proxies_to_the_cluster_of_its_single_port_service()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress("unix:///var/run/db.sock", Protocol.Tcp, "db/mysql.db.svc.cluster.local"), CatchAll] });
        var proxy = Proxy(mesh);
        var listener = Generate.Listener(mesh, proxy, "unix:///var/run/db.sock_0");

        Assert.Equal("/var/run/db.sock", listener.Address.Pipe.Path);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal("outbound|3306||mysql.db.svc.cluster.local", TcpProxyOf(chain).Cluster);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void An_abstract_socket_keeps_its_at_sign_in_the_pipe_path()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress("unix://@egress", Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });

        Assert.Equal("@egress", Generate.Listener(mesh, Proxy(mesh), "unix://@egress_0").Address.Pipe.Path);
    }

    [Fact]
    public void Without_interception_the_socket_listener_is_the_same()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });
        var proxy = Proxy(mesh) with { InterceptionMode = "NONE" };
        var listener = Generate.Listener(mesh, proxy, Socket + "_0");

        Assert.Equal("/var/run/egress.sock", listener.Address.Pipe.Path);
        Assert.Null(listener.BindToPort);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void An_unprivileged_pod_still_gets_it_since_port_0_is_not_a_privileged_port()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });
        var proxy = Proxy(mesh) with
        {
            Metadata = new Dictionary<string, string> { ["UNPRIVILEGED_POD"] = "true" }.ToFrozenDictionary(StringComparer.Ordinal),
        };

        Assert.Contains(Generate.Listeners(mesh, proxy), l => l.Name == Socket + "_0");
    }

    [Fact]
    public void The_catch_all_egress_listener_still_builds_its_port_listeners_after_the_socket_listener()
    {
        var mesh = Build(s => s with { Egress = [UnixEgress(Socket, Protocol.Http, "default/reviews.default.svc.cluster.local"), CatchAll] });
        var names = Generate.Listeners(mesh, Proxy(mesh)).Select(l => l.Name).ToList();

        Assert.Equal(Socket + "_0", names[0]);
        Assert.Contains("0.0.0.0_9080", names);
    }

    private static SidecarEgressListener CatchAll => new(["./*"]);

    private static SidecarEgressListener UnixEgress(string bind, Protocol protocol, string host) =>
        new([host]) { Port = new SidecarPort(0, protocol, ""), Bind = bind };

    private static TcpProxy TcpProxyOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.tcp_proxy").TypedConfig.Unpack<TcpProxy>();

    private static HttpConnectionManager ManagerOf(FilterChain chain) =>
        chain.Filters.Single(f => f.Name == "envoy.filters.network.http_connection_manager").TypedConfig.Unpack<HttpConnectionManager>();
}
