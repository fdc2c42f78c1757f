namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Xds.Generation.Clusters;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// MeshConfig's cluster defaults as istiod applies them: <c>h2UpgradePolicy</c> (<c>shouldH2Upgrade</c>) and
/// <c>tcpKeepalive</c> (<c>applyTCPKeepalive</c>, overlaid field by field by the DestinationRule's) and
/// <c>inboundTrafficPolicy</c> (<c>buildInboundClusters</c>' bind).
/// </summary>
public sealed class MeshClusterDefaultsTests
{
    [Fact]
    public void Mesh_upgrade_policy_makes_http_ports_http2_but_leaves_other_protocols()
    {
        var mesh = BuildWithMesh(m => m with { H2UpgradePolicy = H2UpgradePolicy.Upgrade }, rule: null, tcpPort: true);

        Assert.NotNull(HttpOptions(Cluster(mesh, ClusterName(80)))?.ExplicitHttpConfig?.Http2ProtocolOptions);
        Assert.Null(HttpOptions(Cluster(mesh, ClusterName(95)))?.ExplicitHttpConfig?.Http2ProtocolOptions);
    }

    [Fact]
    public void A_rules_do_not_upgrade_or_client_protocol_overrides_the_mesh_upgrade()
    {
        var rule = Rule(
            new TrafficPolicy
            {
                ConnectionPool = new ConnectionPoolSettings { H2UpgradePolicy = H2UpgradePolicy.DoNotUpgrade },
                PortLevelSettings = [new PortTrafficPolicy(81) { ConnectionPool = new ConnectionPoolSettings { UseClientProtocol = true } }],
            });
        var mesh = BuildWithMesh(m => m with { H2UpgradePolicy = H2UpgradePolicy.Upgrade }, rule);

        Assert.Null(HttpOptions(Cluster(mesh, ClusterName(80)))?.ExplicitHttpConfig?.Http2ProtocolOptions);
        Assert.NotNull(HttpOptions(Cluster(mesh, ClusterName(81)))!.UseDownstreamProtocolConfig);
    }

    [Fact]
    public void A_rules_upgrade_applies_even_to_a_tcp_port()
    {
        var rule = Rule(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { H2UpgradePolicy = H2UpgradePolicy.Upgrade } });
        var mesh = BuildWithMesh(m => m, rule, tcpPort: true);

        Assert.NotNull(HttpOptions(Cluster(mesh, ClusterName(95)))?.ExplicitHttpConfig?.Http2ProtocolOptions);
    }

    [Fact]
    public void Mesh_keepalive_applies_to_every_cluster_and_the_rule_overrides_only_the_fields_it_sets()
    {
        var meshKeepalive = new TcpKeepaliveSettings { Probes = 9, Time = TimeSpan.FromSeconds(300), Interval = TimeSpan.FromSeconds(30) };
        var rule = Rule(new TrafficPolicy
        {
            PortLevelSettings =
            [
                new PortTrafficPolicy(81)
                {
                    ConnectionPool = new ConnectionPoolSettings { TcpKeepalive = new TcpKeepaliveSettings { Time = TimeSpan.FromSeconds(60) } },
                },
            ],
        });
        var mesh = BuildWithMesh(m => m with { TcpKeepalive = meshKeepalive }, rule);

        var plain = Cluster(mesh, ClusterName(80)).UpstreamConnectionOptions.TcpKeepalive;
        var merged = Cluster(mesh, ClusterName(81)).UpstreamConnectionOptions.TcpKeepalive;

        Assert.Equal((9u, 300u, 30u), (plain.KeepaliveProbes!.Value, plain.KeepaliveTime!.Value, plain.KeepaliveInterval!.Value));
        Assert.Equal((9u, 60u, 30u), (merged.KeepaliveProbes!.Value, merged.KeepaliveTime!.Value, merged.KeepaliveInterval!.Value));
    }

    [Fact]
    public void Mesh_keepalive_also_reaches_the_passthrough_cluster()
    {
        var mesh = MeshConfig.Default with { TcpKeepalive = new TcpKeepaliveSettings { Probes = 4 } };

        Assert.Equal(4u, PassthroughClusters.Passthrough(mesh).UpstreamConnectionOptions.TcpKeepalive.KeepaliveProbes);
        Assert.Null(PassthroughClusters.Passthrough(MeshConfig.Default).UpstreamConnectionOptions);
    }

    [Fact]
    public void Inbound_localhost_policy_sends_service_ports_to_loopback_without_the_passthrough_bind()
    {
        var mesh = Bookinfo.Mesh()
            .Mesh(m => m with { InboundTrafficPolicy = InboundTrafficPolicyMode.Localhost, TcpKeepalive = new TcpKeepaliveSettings() })
            .Build();

        var cluster = Generate.Cluster(mesh, mesh.Sidecar("reviews-v1", "default", "10.1.0.21"), "inbound|9080||");

        Assert.Equal(Envoy.Config.Cluster.V3.Cluster.Types.DiscoveryType.Static, cluster.Type);
        var address = cluster.LoadAssignment.Endpoints.Single().LbEndpoints.Single().Endpoint.Address.SocketAddress;
        Assert.Equal(("127.0.0.1", 9080u), (address.Address, address.PortValue));
        Assert.Null(cluster.UpstreamBindConfig);
        Assert.NotNull(cluster.UpstreamConnectionOptions.TcpKeepalive);
    }

    private static Testing.Mesh.BuiltMesh BuildWithMesh(Func<MeshConfig, MeshConfig> change, DestinationRule? rule, bool tcpPort = false)
    {
        var builder = new Testing.Mesh.MeshBuilder()
            .Mesh(change)
            .Service("api", "shop", s =>
            {
                s.Port("http", 80, Model.Services.Protocol.Http).Port("http-admin", 81, Model.Services.Protocol.Http);
                if (tcpPort)
                {
                    s.Port("tcp", 95, Model.Services.Protocol.Tcp);
                }
            })
            .Endpoint("api", "shop", "10.0.0.1");
        if (rule is not null)
        {
            builder.Config(rule);
        }

        return builder.Build();
    }

    private static HttpProtocolOptions? HttpOptions(Cluster cluster) =>
        cluster.TypedExtensionProtocolOptions.TryGetValue("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", out var packed)
            ? packed.Unpack<HttpProtocolOptions>()
            : null;
}
