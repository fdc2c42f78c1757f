namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Clusters;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

public sealed class ClusterGeneratorTests
{
    private const string ReviewsCluster = "outbound|9080||reviews.default.svc.cluster.local";

    [Fact]
    public void Outbound_eds_cluster_carries_istiod_defaults()
    {
        var mesh = Bookinfo.Mesh().Build();
        var cluster = Generate.Cluster(mesh, Bookinfo.Productpage(mesh), ReviewsCluster);

        Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
        Assert.Equal(ReviewsCluster, cluster.EdsClusterConfig.ServiceName);
        Assert.NotNull(cluster.EdsClusterConfig.EdsConfig.Ads);
        Assert.Equal(0, cluster.EdsClusterConfig.EdsConfig.InitialFetchTimeout.Seconds);
        Assert.Equal(Envoy.Config.Core.V3.ApiVersion.V3, cluster.EdsClusterConfig.EdsConfig.ResourceApiVersion);
        Assert.Equal(10, cluster.ConnectTimeout.Seconds);
        Assert.Equal(Cluster.Types.LbPolicy.LeastRequest, cluster.LbPolicy);
        Assert.Equal(ReviewsCluster + ";", cluster.AltStatName);
        Assert.NotNull(cluster.CommonLbConfig);
        var thresholds = Assert.Single(cluster.CircuitBreakers.Thresholds);
        Assert.Equal(uint.MaxValue, thresholds.MaxConnections);
        Assert.Equal(uint.MaxValue, thresholds.MaxPendingRequests);
        Assert.Equal(uint.MaxValue, thresholds.MaxRequests);
        Assert.Equal(uint.MaxValue, thresholds.MaxRetries);
        Assert.True(thresholds.TrackRemaining);
        var service = Assert.Single(cluster.Metadata.FilterMetadata["istio"].Fields["services"].ListValue.Values).StructValue;
        Assert.Equal(Bookinfo.Reviews, service.Fields["host"].StringValue);
        Assert.Equal("reviews", service.Fields["name"].StringValue);
        Assert.Equal("default", service.Fields["namespace"].StringValue);
        Assert.Equal("istio.metadata_exchange", Assert.Single(cluster.Filters).Name);
        Assert.Empty(cluster.TypedExtensionProtocolOptions);
    }

    [Fact]
    public void Clusters_come_in_istiod_order()
    {
        var mesh = Bookinfo.Mesh().Build();
        var names = Generate.Clusters(mesh, Bookinfo.Productpage(mesh)).Select(c => c.Name).ToList();

        Assert.Equal(
            [
                "outbound|3306||mysql.db.svc.cluster.local",
                "outbound|9080||productpage.default.svc.cluster.local",
                "outbound|9080||ratings.default.svc.cluster.local",
                ReviewsCluster,
                "BlackHoleCluster",
                "PassthroughCluster",
                "inbound|9080||",
                "InboundPassthroughCluster",
            ],
            names);
    }

    [Fact]
    public void Destination_rule_adds_subset_clusters_with_merged_policy()
    {
        var rule = Rule(
            Bookinfo.Reviews,
            new TrafficPolicy { LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.RoundRobin) },
            Subset("v1", "v1"),
            Subset("v2", "v2", new TrafficPolicy { LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Random) }));
        var mesh = Bookinfo.Mesh().Config(rule).Build();
        var clusters = Generate.Clusters(mesh, Bookinfo.Productpage(mesh)).Where(c => c.Name.EndsWith(Bookinfo.Reviews, StringComparison.Ordinal)).ToList();

        Assert.Equal([ReviewsCluster, "outbound|9080|v1|" + Bookinfo.Reviews, "outbound|9080|v2|" + Bookinfo.Reviews], clusters.Select(c => c.Name));
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, clusters[0].LbPolicy);
        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, clusters[1].LbPolicy);
        Assert.Equal(Cluster.Types.LbPolicy.Random, clusters[2].LbPolicy);
        Assert.Equal("outbound|9080|v1|" + Bookinfo.Reviews, clusters[1].EdsClusterConfig.ServiceName);
        var istio = clusters[1].Metadata.FilterMetadata["istio"].Fields;
        Assert.Equal("/apis/networking.istio.io/v1/namespaces/default/destination-rule/reviews", istio["config"].StringValue);
        Assert.Equal("v1", istio["subset"].StringValue);
        Assert.False(clusters[0].Metadata.FilterMetadata["istio"].Fields.ContainsKey("subset"));
    }

    [Fact]
    public void Port_level_settings_replace_the_top_level_policy_for_their_port()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Random),
            ConnectionPool = new ConnectionPoolSettings { MaxConnections = 7 },
            PortLevelSettings = [new PortTrafficPolicy(9080) { LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.RoundRobin) }],
        };
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy)).Build();
        var cluster = Generate.Cluster(mesh, Bookinfo.Productpage(mesh), ReviewsCluster);

        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
        Assert.Equal(uint.MaxValue, cluster.CircuitBreakers.Thresholds[0].MaxConnections);
    }

    [Fact]
    public void Connection_pool_and_outlier_detection_map_as_istiod_does()
    {
        var policy = new TrafficPolicy
        {
            ConnectionPool = new ConnectionPoolSettings
            {
                MaxConnections = 100,
                ConnectTimeout = TimeSpan.FromSeconds(3),
                Http1MaxPendingRequests = 10,
                Http2MaxRequests = 20,
                MaxRetries = 5,
                MaxRequestsPerConnection = 1,
                HttpIdleTimeout = TimeSpan.FromMinutes(1),
            },
            OutlierDetection = new OutlierDetectionSettings
            {
                Consecutive5xxErrors = 3,
                ConsecutiveGatewayErrors = 0,
                Interval = TimeSpan.FromSeconds(5),
                BaseEjectionTime = TimeSpan.FromSeconds(30),
                MaxEjectionPercent = 50,
                MinHealthPercent = 25,
            },
        };
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy)).Build();
        var cluster = Generate.Cluster(mesh, Bookinfo.Productpage(mesh), ReviewsCluster);

        var thresholds = cluster.CircuitBreakers.Thresholds[0];
        Assert.Equal(100u, thresholds.MaxConnections);
        Assert.Equal(10u, thresholds.MaxPendingRequests);
        Assert.Equal(20u, thresholds.MaxRequests);
        Assert.Equal(5u, thresholds.MaxRetries);
        Assert.Equal(3, cluster.ConnectTimeout.Seconds);
        var options = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
        Assert.Equal(60, options.CommonHttpProtocolOptions.IdleTimeout.Seconds);
        Assert.Equal(1u, options.CommonHttpProtocolOptions.MaxRequestsPerConnection);
        Assert.NotNull(options.ExplicitHttpConfig.HttpProtocolOptions);

        var outlier = cluster.OutlierDetection;
        Assert.Equal(3u, outlier.Consecutive5Xx);
        Assert.Equal(100u, outlier.EnforcingConsecutive5Xx);
        Assert.Equal(0u, outlier.ConsecutiveGatewayFailure);
        Assert.Equal(0u, outlier.EnforcingConsecutiveGatewayFailure);
        Assert.Equal(0u, outlier.EnforcingSuccessRate);
        Assert.Equal(5, outlier.Interval.Seconds);
        Assert.Equal(30, outlier.BaseEjectionTime.Seconds);
        Assert.Equal(50u, outlier.MaxEjectionPercent);
        Assert.Equal(25, cluster.CommonLbConfig.HealthyPanicThreshold.Value);
    }

    [Fact]
    public void Consistent_hash_selects_ring_hash_with_default_ring_size()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user" } },
        };
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy)).Build();
        var cluster = Generate.Cluster(mesh, Bookinfo.Productpage(mesh), ReviewsCluster);

        Assert.Equal(Cluster.Types.LbPolicy.RingHash, cluster.LbPolicy);
        Assert.Equal(1024ul, cluster.RingHashLbConfig.MinimumRingSize);
    }

    [Theory]
    [InlineData("grpc", true)]
    [InlineData("http2", true)]
    [InlineData("web", false)]
    public void Upstream_protocol_follows_the_port(string portName, bool http2)
    {
        var mesh = new MeshBuilder().Service("api", "default", s => s.Port(portName, 8080).Vip("10.96.1.1")).Build();
        var cluster = Generate.Cluster(mesh, mesh.Sidecar("client", "default", "10.1.1.1"), "outbound|8080||api.default.svc.cluster.local");
        var options = cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();

        if (http2)
        {
            Assert.NotNull(options.ExplicitHttpConfig.Http2ProtocolOptions);
        }
        else
        {
            // "web" is no protocol prefix: the port is sniffed, so the upstream speaks whatever the client spoke.
            Assert.NotNull(options.UseDownstreamProtocolConfig.HttpProtocolOptions);
            Assert.NotNull(options.UseDownstreamProtocolConfig.Http2ProtocolOptions);
        }
    }

    [Fact]
    public void Dns_services_get_inline_endpoints_and_dns_settings()
    {
        var mesh = new MeshBuilder()
            .Service("ext", "default", s => s.Host("api.example.com").Port("https", 443).Resolution(Resolution.Dns).External())
            .Service("rr", "default", s => s.Host("rr.example.com").Port("http", 80).Resolution(Resolution.DnsRoundRobin))
            .Service("empty", "default", s => s.Host("empty.example.com").Port("http", 80).Resolution(Resolution.Dns))
            .Endpoint("ext", "default", "api.example.com")
            .Endpoint("rr", "default", "rr.example.com")
            .Build();
        var clusters = Generate.Clusters(mesh, mesh.Sidecar("client", "default", "10.1.1.1"));

        var strict = clusters.Single(c => c.Name == "outbound|443||api.example.com");
        Assert.Equal(Cluster.Types.DiscoveryType.StrictDns, strict.Type);
        Assert.Equal(Cluster.Types.DnsLookupFamily.V4Only, strict.DnsLookupFamily);
        Assert.True(strict.RespectDnsTtl);
        Assert.Equal(60, strict.DnsRefreshRate.Seconds);
        Assert.Equal("envoy.network.dns_resolver.cares", strict.TypedDnsResolverConfig.Name);
        Assert.Null(strict.EdsClusterConfig);
        var endpoint = Assert.Single(Assert.Single(strict.LoadAssignment.Endpoints).LbEndpoints);
        Assert.Equal("api.example.com", endpoint.Endpoint.Address.SocketAddress.Address);
        Assert.Equal(443u, endpoint.Endpoint.Address.SocketAddress.PortValue);
        Assert.True(strict.Metadata.FilterMetadata["istio"].Fields["external"].BoolValue);

        Assert.Equal(Cluster.Types.DiscoveryType.LogicalDns, clusters.Single(c => c.Name == "outbound|80||rr.example.com").Type);
        Assert.DoesNotContain(clusters, c => c.Name.EndsWith("empty.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Passthrough_alias_and_udp_follow_resolution_rules()
    {
        var mesh = new MeshBuilder()
            .Service("db", "default", s => s.Port("tcp", 5432).Headless())
            .Service("alias", "default", s => s.Port("http", 80).Resolution(Resolution.Alias))
            .Service("dns", "default", s => s.Port("udp-dns", 53, Protocol.Udp).Port("tcp-dns", 5353).Vip("10.96.2.2"))
            .Build();
        var clusters = Generate.Clusters(mesh, mesh.Sidecar("client", "default", "10.1.1.1"));

        var headless = clusters.Single(c => c.Name == "outbound|5432||db.default.svc.cluster.local");
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, headless.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, headless.LbPolicy);
        Assert.Null(headless.EdsClusterConfig);
        Assert.DoesNotContain(clusters, c => c.Name.Contains("alias", StringComparison.Ordinal));
        Assert.DoesNotContain(clusters, c => c.Name.StartsWith("outbound|53|", StringComparison.Ordinal));
        Assert.Contains(clusters, c => c.Name == "outbound|5353||dns.default.svc.cluster.local");
    }

    [Fact]
    public void Inbound_cluster_is_original_dst_bound_to_the_passthrough_address()
    {
        var mesh = Bookinfo.Mesh().Build();
        var cluster = Generate.Cluster(mesh, mesh.Sidecar("reviews-v1", "default", "10.1.0.21"), "inbound|9080||");

        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, cluster.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, cluster.LbPolicy);
        Assert.Equal("127.0.0.6", cluster.UpstreamBindConfig.SourceAddress.Address);
        Assert.Equal(0u, cluster.UpstreamBindConfig.SourceAddress.PortValue);
        Assert.Equal(9223372035, cluster.CleanupInterval.Seconds);
        Assert.Equal("inbound|9080||;", cluster.AltStatName);
        Assert.Equal(uint.MaxValue, cluster.CircuitBreakers.Thresholds[0].MaxRequests);
        var service = Assert.Single(cluster.Metadata.FilterMetadata["istio"].Fields["services"].ListValue.Values);
        Assert.Equal(Bookinfo.Reviews, service.StructValue.Fields["host"].StringValue);
        Assert.Empty(cluster.Filters);
    }

    [Fact]
    public void Fixed_clusters_match_istiod()
    {
        var mesh = Bookinfo.Mesh().Build();
        var clusters = Generate.Clusters(mesh, Bookinfo.Productpage(mesh));

        var blackhole = clusters.Single(c => c.Name == "BlackHoleCluster");
        Assert.Equal(Cluster.Types.DiscoveryType.Static, blackhole.Type);
        Assert.Null(blackhole.LoadAssignment);

        var passthrough = clusters.Single(c => c.Name == "PassthroughCluster");
        Assert.Equal(Cluster.Types.DiscoveryType.OriginalDst, passthrough.Type);
        Assert.Equal(Cluster.Types.LbPolicy.ClusterProvided, passthrough.LbPolicy);
        var options = passthrough.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
        Assert.NotNull(options.UseDownstreamProtocolConfig);
        Assert.Equal(300, options.CommonHttpProtocolOptions.IdleTimeout.Seconds);

        var inbound = clusters.Single(c => c.Name == "InboundPassthroughCluster");
        Assert.Equal("127.0.0.6", inbound.UpstreamBindConfig.SourceAddress.Address);
        Assert.Empty(inbound.Filters);
    }

    [Fact]
    public void Sidecar_egress_limits_clusters_to_imported_services()
    {
        var mesh = Bookinfo.Mesh().Config(Sidecar("default", Egress("./*"))).Build();
        var names = Generate.Clusters(mesh, Bookinfo.Productpage(mesh)).Select(c => c.Name).ToList();

        Assert.Contains(ReviewsCluster, names);
        Assert.DoesNotContain("outbound|3306||mysql.db.svc.cluster.local", names);
    }

    [Fact]
    public void Only_full_pushes_with_relevant_kinds_affect_clusters()
    {
        var generator = new ClusterGenerator();
        Assert.False(generator.IsAffectedBy(new Model.Pushing.PushRequest { Full = false }));
        Assert.True(generator.IsAffectedBy(Model.Pushing.PushRequest.Global(Model.Pushing.PushReason.GlobalUpdate)));
        Assert.True(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.DestinationRule)));
        Assert.False(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.Gateway)));
    }
}
