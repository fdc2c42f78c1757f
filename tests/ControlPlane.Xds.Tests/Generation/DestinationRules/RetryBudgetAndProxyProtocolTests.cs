namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using System.Collections.Frozen;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Xds.Generation.Clusters;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.TransportSockets.ProxyProtocol.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// <c>trafficPolicy.retryBudget</c> (istiod's <c>applyRetryBudget</c>) and <c>trafficPolicy.proxyProtocol</c>
/// (<c>applyUpstreamProxyProtocol</c>) on outbound clusters, including how subsets and port-level settings inherit them.
/// </summary>
public sealed class RetryBudgetAndProxyProtocolTests
{
    [Fact]
    public void An_empty_retry_budget_gets_istiods_defaults_written_as_istiod_writes_them()
    {
        var budget = Thresholds(Build(Rule(new TrafficPolicy { RetryBudget = new RetryBudgetSettings() })), ClusterName(80)).RetryBudget;

        Assert.Equal(0.2, budget.BudgetPercent.Value);
        Assert.Equal(3u, budget.MinRetryConcurrency);
    }

    [Fact]
    public void Retry_budget_values_are_copied_next_to_the_default_limits()
    {
        var policy = new TrafficPolicy { RetryBudget = new RetryBudgetSettings { Percent = 25, MinRetryConcurrency = 7 } };

        var thresholds = Thresholds(Build(Rule(policy)), ClusterName(80));

        Assert.Equal(25.0, thresholds.RetryBudget.BudgetPercent.Value);
        Assert.Equal(7u, thresholds.RetryBudget.MinRetryConcurrency);
        Assert.Equal(uint.MaxValue, thresholds.MaxRetries);
    }

    [Fact]
    public void A_matching_port_level_entry_drops_the_rules_retry_budget_and_proxy_protocol()
    {
        var policy = new TrafficPolicy
        {
            RetryBudget = new RetryBudgetSettings(),
            ProxyProtocol = ProxyProtocolVersion.V2,
            PortLevelSettings = [new PortTrafficPolicy(81) { ConnectionPool = new ConnectionPoolSettings { MaxConnections = 5 } }],
        };
        var mesh = Build(Rule(policy));

        Assert.Null(Thresholds(mesh, ClusterName(81)).RetryBudget);
        Assert.Null(Cluster(mesh, ClusterName(81)).TransportSocket);
        Assert.NotNull(Thresholds(mesh, ClusterName(80)).RetryBudget);
    }

    [Fact]
    public void A_subset_inherits_the_rules_retry_budget_and_proxy_protocol_unless_it_sets_its_own()
    {
        var rule = Rule(
            new TrafficPolicy { RetryBudget = new RetryBudgetSettings { Percent = 10 }, ProxyProtocol = ProxyProtocolVersion.V1 },
            new Subset("v1", Labels("v1"), new TrafficPolicy { RetryBudget = new RetryBudgetSettings { Percent = 50 } }),
            new Subset("v2", Labels("v2"), new TrafficPolicy { ProxyProtocol = ProxyProtocolVersion.V2 }));
        var mesh = Build(rule);

        Assert.Equal(50.0, Thresholds(mesh, ClusterName(80, "v1")).RetryBudget.BudgetPercent.Value);
        Assert.Equal(ProxyProtocolConfigVersion(ProxyProtocolVersion.V1), Wrapper(Cluster(mesh, ClusterName(80, "v1"))).Config.Version);
        Assert.Equal(10.0, Thresholds(mesh, ClusterName(80, "v2")).RetryBudget.BudgetPercent.Value);
        Assert.Equal(ProxyProtocolConfigVersion(ProxyProtocolVersion.V2), Wrapper(Cluster(mesh, ClusterName(80, "v2"))).Config.Version);
    }

    [Fact]
    public void Proxy_protocol_without_tls_wraps_a_raw_buffer()
    {
        var cluster = Cluster(Build(Rule(new TrafficPolicy { ProxyProtocol = ProxyProtocolVersion.V2 })), ClusterName(80));

        Assert.Equal("envoy.transport_sockets.upstream_proxy_protocol", cluster.TransportSocket.Name);
        var wrapper = Wrapper(cluster);
        Assert.Equal(Envoy.Config.Core.V3.ProxyProtocolConfig.Types.Version.V2, wrapper.Config.Version);
        Assert.Equal("envoy.transport_sockets.raw_buffer", wrapper.TransportSocket.Name);
    }

    [Fact]
    public void Proxy_protocol_wraps_the_originated_tls_so_the_header_comes_first()
    {
        var policy = new TrafficPolicy
        {
            ProxyProtocol = ProxyProtocolVersion.V1,
            Tls = new ClientTlsSettings(ClientTlsMode.Simple) { Sni = "api.example.com" },
        };

        var wrapper = Wrapper(Cluster(Build(Rule(policy)), ClusterName(80)));

        Assert.Equal(Envoy.Config.Core.V3.ProxyProtocolConfig.Types.Version.V1, wrapper.Config.Version);
        Assert.Equal(UpstreamTlsBuilder.TransportSocketName, wrapper.TransportSocket.Name);
        Assert.Equal("api.example.com", wrapper.TransportSocket.TypedConfig.Unpack<UpstreamTlsContext>().Sni);
    }

    [Fact]
    public void Transport_socket_matches_are_each_wrapped()
    {
        var cluster = new Cluster();
        cluster.TransportSocketMatches.Add(new Cluster.Types.TransportSocketMatch { Name = "tlsMode-istio", TransportSocket = new() { Name = "tls" } });
        cluster.TransportSocketMatches.Add(new Cluster.Types.TransportSocketMatch { Name = "tlsMode-disabled", TransportSocket = new() { Name = "raw" } });

        UpstreamProxyProtocol.Apply(cluster, ProxyProtocolVersion.V2);

        Assert.Null(cluster.TransportSocket);
        Assert.All(cluster.TransportSocketMatches, m => Assert.Equal(UpstreamProxyProtocol.TransportSocketName, m.TransportSocket.Name));
        Assert.Equal("raw", cluster.TransportSocketMatches[1].TransportSocket.TypedConfig.Unpack<ProxyProtocolUpstreamTransport>().TransportSocket.Name);
    }

    private static CircuitBreakers.Types.Thresholds Thresholds(Testing.Mesh.BuiltMesh mesh, string name) =>
        Cluster(mesh, name).CircuitBreakers.Thresholds.Single();

    private static ProxyProtocolUpstreamTransport Wrapper(Cluster cluster) =>
        cluster.TransportSocket.TypedConfig.Unpack<ProxyProtocolUpstreamTransport>();

    private static Envoy.Config.Core.V3.ProxyProtocolConfig.Types.Version ProxyProtocolConfigVersion(ProxyProtocolVersion version) =>
        (Envoy.Config.Core.V3.ProxyProtocolConfig.Types.Version)(int)version;

    private static FrozenDictionary<string, string> Labels(string version) =>
        new Dictionary<string, string> { ["version"] = version }.ToFrozenDictionary();
}
