namespace ControlPlane.Xds.Tests.Generation.Gateways;

using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Gateway tcp_proxy filters read the destination's DestinationRule as sidecars do: TCP servers through the VirtualService
/// route (<c>buildOutboundNetworkFilters</c>), AUTO_PASSTHROUGH chains per SNI-DNAT cluster with the chain's subset and
/// without the tunnel (<c>builtAutoPassthroughFilterChains</c>, <c>tunnelingconfig.Skip</c>).
/// </summary>
public sealed class TcpProxyDestinationRuleGatewayTests
{
    private const string Yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: gw-0
          namespace: istio-system
          labels: {istio: gw}
        status: {phase: Running, podIP: 10.244.0.30}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: db
          namespace: apps
        spec:
          clusterIP: 10.96.50.10
          selector: {app: db}
          ports:
            - name: tcp
              port: 5432
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: db
          namespace: apps
        spec:
          host: db.apps.svc.cluster.local
          trafficPolicy:
            connectionPool:
              tcp: {idleTimeout: 45s, maxConnectionDuration: 1h}
            loadBalancer:
              consistentHash: {useSourceIp: true}
            tunnel: {targetHost: proxy.corp, targetPort: 8080}
          subsets:
            - name: primary
              labels: {role: primary}
              trafficPolicy:
                loadBalancer: {simple: ROUND_ROBIN}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: gw
          namespace: istio-system
        spec:
          selector: {istio: gw}
          servers:
            - port: {number: 15443, name: tls, protocol: TLS}
              hosts: ["*.local"]
              tls: {mode: AUTO_PASSTHROUGH}
            - port: {number: 31400, name: tcp, protocol: TCP}
              hosts: ["*"]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: db
          namespace: istio-system
        spec:
          hosts: ["*"]
          gateways: [gw]
          tcp:
            - route:
                - destination: {host: db.apps.svc.cluster.local, port: {number: 5432}}
        """;

    private static readonly Duration Idle = Duration.FromTimeSpan(TimeSpan.FromSeconds(45));

    [Fact]
    public void A_tcp_server_route_carries_the_rules_timeouts_hash_policy_and_tunnel()
    {
        var proxy = TcpProxies("0.0.0.0_31400").Single();

        Assert.Equal(Idle, proxy.IdleTimeout);
        Assert.Equal(Duration.FromTimeSpan(TimeSpan.FromHours(1)), proxy.MaxDownstreamConnectionDuration);
        Assert.NotNull(Assert.Single(proxy.HashPolicy).SourceIp);
        Assert.Equal("proxy.corp:8080", proxy.TunnelingConfig.Hostname);
    }

    [Fact]
    public void Auto_passthrough_chains_carry_the_rules_timeouts_and_each_subsets_hash_but_no_tunnel()
    {
        var proxies = TcpProxies("0.0.0.0_15443").ToDictionary(p => p.Cluster);

        var service = proxies["outbound_.5432_._.db.apps.svc.cluster.local"];
        var primary = proxies["outbound_.5432_.primary_.db.apps.svc.cluster.local"];

        Assert.All([service, primary], p => Assert.Equal(Idle, p.IdleTimeout));
        Assert.All([service, primary], p => Assert.Null(p.TunnelingConfig));
        Assert.Single(service.HashPolicy);
        Assert.Empty(primary.HashPolicy);
    }

    private static IEnumerable<TcpProxy> TcpProxies(string listenerName)
    {
        var push = GoldenFiles.Load(Yaml, "tcp-proxy-gateway");
        var proxy = GatewayProxies.Router("gw-0", "istio-system", "10.244.0.30", new Dictionary<string, string> { ["istio"] = "gw" });
        var listener = GatewaySnapshots.For(push, proxy).Listeners.Select(l => l.Unpack<Listener>()).Single(l => l.Name == listenerName);
        return listener.FilterChains
            .SelectMany(c => c.Filters)
            .Where(f => f.Name == "envoy.filters.network.tcp_proxy")
            .Select(f => f.TypedConfig.Unpack<TcpProxy>());
    }
}
