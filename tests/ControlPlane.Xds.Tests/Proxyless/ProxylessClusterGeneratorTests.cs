namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using static ProxylessMesh;

public sealed class ProxylessClusterGeneratorTests
{
    private const string Echo = "echo.interop.svc.cluster.local";

    private readonly ProxylessClusterGenerator generator = new();

    private static ProxylessMesh EchoMesh(TrafficPolicy? policy = null) => new ProxylessMesh()
        .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070))
        .With(DestinationRule("echo", "interop", "echo", policy));

    [Fact]
    public void Default_and_subset_clusters_are_round_robin_eds_clusters_named_for_their_eds_service()
    {
        var result = generator.Generate(EchoMesh().Context($"outbound|7070|v1|{Echo}", $"outbound|7070||{Echo}"));

        Assert.Equal([$"outbound|7070|v1|{Echo}", $"outbound|7070||{Echo}"], result.Resources.Select(r => r.Name));
        foreach (var named in result.Resources)
        {
            Assert.Equal(TypeUrls.Cluster, named.Resource.TypeUrl);
            var cluster = named.Resource.Unpack<Cluster>();
            Assert.Equal(named.Name, cluster.Name);
            Assert.Equal(Cluster.Types.DiscoveryType.Eds, cluster.Type);
            Assert.Equal(named.Name, cluster.EdsClusterConfig.ServiceName);
            Assert.NotNull(cluster.EdsClusterConfig.EdsConfig.Ads);
            Assert.Equal(ApiVersion.V3, cluster.EdsClusterConfig.EdsConfig.ResourceApiVersion);
            Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
            Assert.Equal(TimeSpan.FromSeconds(10), cluster.ConnectTimeout.ToTimeSpan());
            Assert.Null(cluster.CircuitBreakers);
            Assert.Null(cluster.OutlierDetection);
            Assert.Null(cluster.LrsServer);
        }
    }

    [Theory]
    [InlineData($"outbound|7070|v3|{Echo}")]
    [InlineData($"outbound|8080||{Echo}")]
    [InlineData("outbound|7070||missing.interop.svc.cluster.local")]
    [InlineData("inbound|7070||")]
    [InlineData("garbage")]
    public void Unknown_subsets_ports_hosts_and_malformed_names_are_left_out(string name)
    {
        Assert.Empty(generator.Generate(EchoMesh().Context(name)).Resources);
    }

    [Theory]
    [InlineData(SimpleLoadBalancer.LeastRequest)]
    [InlineData(SimpleLoadBalancer.Random)]
    [InlineData(SimpleLoadBalancer.Unspecified)]
    public void Load_balancers_grpc_lacks_become_round_robin(SimpleLoadBalancer simple)
    {
        var cluster = Single(EchoMesh(new TrafficPolicy { LoadBalancer = new LoadBalancerSettings(simple) }), $"outbound|7070||{Echo}");

        Assert.Equal(Cluster.Types.LbPolicy.RoundRobin, cluster.LbPolicy);
    }

    [Fact]
    public void Consistent_hash_becomes_an_xx_hash_ring()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified)
            {
                ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user", MinimumRingSize = 2048 },
            },
        };

        var cluster = Single(EchoMesh(policy), $"outbound|7070||{Echo}");

        Assert.Equal(Cluster.Types.LbPolicy.RingHash, cluster.LbPolicy);
        Assert.Equal(Cluster.Types.RingHashLbConfig.Types.HashFunction.XxHash, cluster.RingHashLbConfig.HashFunction);
        Assert.Equal(2048ul, cluster.RingHashLbConfig.MinimumRingSize);
    }

    [Fact]
    public void Http2_max_requests_becomes_max_requests_and_outlier_detection_is_left_out_as_istiods_grpcgen_does()
    {
        var policy = new TrafficPolicy
        {
            ConnectionPool = new ConnectionPoolSettings { Http2MaxRequests = 50, ConnectTimeout = TimeSpan.FromSeconds(3), MaxConnections = 7 },
            OutlierDetection = new OutlierDetectionSettings
            {
                Consecutive5xxErrors = 5,
                Interval = TimeSpan.FromSeconds(10),
                BaseEjectionTime = TimeSpan.FromSeconds(30),
                MaxEjectionPercent = 150,
            },
        };

        var cluster = Single(EchoMesh(policy), $"outbound|7070||{Echo}");

        Assert.Equal(TimeSpan.FromSeconds(3), cluster.ConnectTimeout.ToTimeSpan());
        var thresholds = Assert.Single(cluster.CircuitBreakers.Thresholds);
        Assert.Equal(RoutingPriority.Default, thresholds.Priority);
        Assert.Equal(50u, thresholds.MaxRequests);
        Assert.Null(thresholds.MaxConnections);
        // gRPC ignores the consecutive-error counters and the Istio API cannot ask for what gRPC ejects by.
        Assert.Null(cluster.OutlierDetection);
    }

    [Fact]
    public void Subset_and_port_level_policies_override_the_top_level_one()
    {
        var rule = DestinationRule("echo", "interop", "echo", new TrafficPolicy
        {
            ConnectionPool = new ConnectionPoolSettings { Http2MaxRequests = 10 },
            PortLevelSettings = [new PortTrafficPolicy(7070) { ConnectionPool = new ConnectionPoolSettings { Http2MaxRequests = 20 } }],
        }) with
        {
            Subsets = [Subset("v1"), Subset("v2", new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { Http2MaxRequests = 30 } })],
        };
        var mesh = new ProxylessMesh().WithService(Service("echo", "interop", Grpc(7070))).With(rule);

        Assert.Equal(20u, Single(mesh, $"outbound|7070|v1|{Echo}").CircuitBreakers.Thresholds[0].MaxRequests);
        Assert.Equal(30u, Single(mesh, $"outbound|7070|v2|{Echo}").CircuitBreakers.Thresholds[0].MaxRequests);
    }

    [Fact]
    public void Dns_service_entries_become_logical_dns_with_one_address()
    {
        var service = Service("weather", "interop", Grpc(443)) with { Hostname = "api.weather.example", Resolution = Resolution.Dns };
        var mesh = new ProxylessMesh().WithService(service);

        var cluster = Single(mesh, "outbound|443||api.weather.example");

        Assert.Equal(Cluster.Types.DiscoveryType.LogicalDns, cluster.Type);
        var endpoint = Assert.Single(Assert.Single(cluster.LoadAssignment.Endpoints).LbEndpoints);
        Assert.Equal("api.weather.example", endpoint.Endpoint.Address.SocketAddress.Address);
        Assert.Equal(443u, endpoint.Endpoint.Address.SocketAddress.PortValue);
        Assert.Null(cluster.EdsClusterConfig);
    }

    [Fact]
    public void Clusters_follow_only_full_pushes()
    {
        Assert.True(generator.IsAffectedBy(PushRequest.Global(PushReason.ConfigUpdate)));
        Assert.False(generator.IsAffectedBy(new PushRequest { Full = false }));
    }

    private Cluster Single(ProxylessMesh mesh, string name) =>
        Assert.Single(generator.Generate(mesh.Context(name)).Resources).Resource.Unpack<Cluster>();
}
