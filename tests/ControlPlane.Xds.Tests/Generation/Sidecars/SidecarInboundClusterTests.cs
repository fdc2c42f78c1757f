namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using Envoy.Config.Cluster.V3;
using static ControlPlane.Xds.Tests.Generation.Sidecars.SidecarIngressMesh;

/// <summary>
/// Inbound clusters from Sidecar ingress entries (<c>buildInboundClustersFromSidecar</c>) and the Sidecar connection
/// pools laid over a DestinationRule's (<c>InboundConnectionPoolForPort</c>).
/// </summary>
public sealed class SidecarInboundClusterTests
{
    [Fact]
    public void Loopback_default_endpoint_gives_a_static_cluster_without_the_passthrough_source_bind()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(9080, Protocol.Http, "http") with { DefaultEndpoint = "127.0.0.1:8080" }] });
        var proxy = Proxy(mesh);
        var cluster = Generate.Cluster(mesh, proxy, "inbound|9080||");

        Assert.Equal(Cluster.Types.DiscoveryType.Static, cluster.Type);
        Assert.Equal("inbound|9080||;", cluster.AltStatName);
        Assert.Null(cluster.CleanupInterval);
        Assert.Null(cluster.UpstreamBindConfig);
        Assert.Equal("inbound|9080||", cluster.LoadAssignment.ClusterName);
        var address = Assert.Single(Assert.Single(cluster.LoadAssignment.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress;
        Assert.Equal(("127.0.0.1", 8080u), (address.Address, address.PortValue));

        // productpage's workload listens on 9080, so its service labels the cluster's telemetry.
        var services = cluster.Metadata.FilterMetadata["istio"].Fields["services"].ListValue.Values;
        Assert.Equal("productpage.default.svc.cluster.local", Assert.Single(services).StructValue.Fields["host"].StringValue);
        AssertConsistent(mesh, proxy);
    }

    [Fact]
    public void Wildcard_default_endpoint_sends_to_the_workload_ip_through_the_passthrough_source_bind()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Tcp) with { DefaultEndpoint = "0.0.0.0:8081" }] });
        var cluster = Generate.Cluster(mesh, Proxy(mesh), "inbound|8080||");

        var address = Assert.Single(Assert.Single(cluster.LoadAssignment.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress;
        Assert.Equal((Bookinfo.ProductpageIp, 8081u), (address.Address, address.PortValue));
        Assert.Equal("127.0.0.6", cluster.UpstreamBindConfig.SourceAddress.Address);

        // No service backs 8080: istiod's placeholder service carries no telemetry metadata.
        Assert.Null(cluster.Metadata);
    }

    [Fact]
    public void Unix_default_endpoint_is_a_pipe()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Http) with { DefaultEndpoint = "unix:///var/run/app.sock" }] });
        var cluster = Generate.Cluster(mesh, Proxy(mesh), "inbound|8080||");

        Assert.Equal(Cluster.Types.DiscoveryType.Static, cluster.Type);
        var address = Assert.Single(Assert.Single(cluster.LoadAssignment.Endpoints).LbEndpoints).Endpoint.Address;
        Assert.Equal("/var/run/app.sock", address.Pipe.Path);

        // istiod only skips the source bind for loopback IPs, so a socket keeps it.
        Assert.NotNull(cluster.UpstreamBindConfig);
    }

    [Fact]
    public void Without_default_endpoint_the_cluster_keeps_the_original_destination()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Http)] });
        var cluster = Generate.Cluster(mesh, Proxy(mesh), "inbound|8080||");

        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, cluster.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
        Assert.NotNull(cluster.CleanupInterval);
        Assert.Null(cluster.LoadAssignment);
        Assert.Equal("127.0.0.6", cluster.UpstreamBindConfig.SourceAddress.Address);
    }

    [Fact]
    public void Ingress_clusters_replace_the_service_port_clusters()
    {
        var mesh = Build(s => s with { Ingress = [Ingress(8080, Protocol.Http)] });
        var inbound = Generate.Clusters(mesh, Proxy(mesh)).Select(c => c.Name).Where(n => n.StartsWith("inbound|", StringComparison.Ordinal));

        Assert.Equal(["inbound|8080||"], inbound);
    }

    [Fact]
    public void Ingress_pool_wins_over_the_sidecar_pool_which_wins_over_the_destination_rule()
    {
        var rule = Configs.Rule("productpage.default.svc.cluster.local", new TrafficPolicy { ConnectionPool = Pool(10) with { MaxRetries = 7 } });
        var mesh = Build(
            s => s with
            {
                Ingress = [Ingress(9080, Protocol.Http, "http") with { ConnectionPool = Pool(30) }, Ingress(9081, Protocol.Http, "http-admin")],
                InboundConnectionPool = Pool(20),
            },
            rule);
        var clusters = Generate.Clusters(mesh, Proxy(mesh));

        var byIngress = Thresholds(clusters.Single(c => c.Name == "inbound|9080||"));
        Assert.Equal(30u, byIngress.MaxConnections);

        // The Sidecar pool replaces the rule's as a whole: the rule's retries do not survive.
        Assert.Equal(uint.MaxValue, byIngress.MaxRetries);
        Assert.Equal(20u, Thresholds(clusters.Single(c => c.Name == "inbound|9081||")).MaxConnections);
    }

    [Fact]
    public void Inbound_connection_pool_applies_to_service_port_clusters_too()
    {
        var rule = Configs.Rule("productpage.default.svc.cluster.local", new TrafficPolicy { ConnectionPool = Pool(10) });
        var withSidecarPool = Build(s => s with { InboundConnectionPool = Pool(20) }, rule);
        var ruleOnly = Bookinfo.Mesh().Config(rule).Build();

        Assert.Equal(20u, Thresholds(Generate.Cluster(withSidecarPool, Proxy(withSidecarPool), "inbound|9080||")).MaxConnections);
        Assert.Equal(10u, Thresholds(Generate.Cluster(ruleOnly, Proxy(ruleOnly), "inbound|9080||")).MaxConnections);
    }

    private static CircuitBreakers.Types.Thresholds Thresholds(Cluster cluster) =>
        Assert.Single(cluster.CircuitBreakers.Thresholds);
}
