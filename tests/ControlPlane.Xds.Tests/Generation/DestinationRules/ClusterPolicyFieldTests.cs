namespace ControlPlane.Xds.Tests.Generation.DestinationRules;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using static ControlPlane.Xds.Tests.Generation.DestinationRules.LocalityMesh;

/// <summary>
/// The DestinationRule fields istiod maps onto a cluster beyond the basics: slow start, TCP keepalive, connection
/// lifetime, HTTP/2 upgrade and stream limit, client protocol, local-origin outlier detection and the maglev table.
/// </summary>
public sealed class ClusterPolicyFieldTests
{
    [Fact]
    public void Warmup_sets_slow_start_with_istiod_defaults_on_least_request()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { Warmup = new WarmupSettings(TimeSpan.FromSeconds(30)) },
        });

        Assert.Equal(Cluster.Types.LbPolicy.LeastRequest, cluster.LbPolicy);
        var slowStart = cluster.LeastRequestLbConfig.SlowStartConfig;
        Assert.Equal(30, slowStart.SlowStartWindow.Seconds);
        Assert.Equal(1.0, slowStart.Aggression.DefaultValue);
        Assert.Equal("(", slowStart.Aggression.RuntimeKey);
        Assert.Equal(10.0, slowStart.MinWeightPercent.Value);
    }

    [Fact]
    public void Warmup_wins_over_the_deprecated_duration_on_round_robin()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.RoundRobin)
            {
                WarmupDuration = TimeSpan.FromSeconds(5),
                Warmup = new WarmupSettings(TimeSpan.FromSeconds(20)) { Aggression = 2, MinimumPercent = 25 },
            },
        });

        var slowStart = cluster.RoundRobinLbConfig.SlowStartConfig;
        Assert.Equal(20, slowStart.SlowStartWindow.Seconds);
        Assert.Equal(2.0, slowStart.Aggression.DefaultValue);
        Assert.Equal(25.0, slowStart.MinWeightPercent.Value);
    }

    [Fact]
    public void Deprecated_warmup_duration_sets_only_the_window_and_random_gets_none()
    {
        var leastRequest = ClusterFor(new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.LeastRequest) { WarmupDuration = TimeSpan.FromSeconds(5) },
        });
        var random = ClusterFor(new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Random) { WarmupDuration = TimeSpan.FromSeconds(5) },
        });

        Assert.Equal(5, leastRequest.LeastRequestLbConfig.SlowStartConfig.SlowStartWindow.Seconds);
        Assert.Null(leastRequest.LeastRequestLbConfig.SlowStartConfig.Aggression);
        Assert.Equal(Cluster.LbConfigOneofCase.None, random.LbConfigCase);
    }

    [Fact]
    public void Maglev_table_size_is_copied()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified)
            {
                ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user", Maglev = true, MaglevTableSize = 65537 },
            },
        });

        Assert.Equal(Cluster.Types.LbPolicy.Maglev, cluster.LbPolicy);
        Assert.Equal(65537ul, cluster.MaglevLbConfig.TableSize);
    }

    [Fact]
    public void Tcp_keepalive_and_connection_lifetime_are_applied()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            ConnectionPool = new ConnectionPoolSettings
            {
                TcpKeepalive = new TcpKeepaliveSettings { Probes = 3, Time = TimeSpan.FromMinutes(2), Interval = TimeSpan.FromSeconds(75) },
                MaxConnectionDuration = TimeSpan.FromMinutes(10),
            },
        });

        var keepalive = cluster.UpstreamConnectionOptions.TcpKeepalive;
        Assert.Equal((3u, 120u, 75u), (keepalive.KeepaliveProbes!.Value, keepalive.KeepaliveTime!.Value, keepalive.KeepaliveInterval!.Value));
        Assert.Equal(600, HttpOptions(cluster).CommonHttpProtocolOptions.MaxConnectionDuration.Seconds);
    }

    [Fact]
    public void Empty_keepalive_turns_on_so_keepalive_with_system_values()
    {
        var cluster = ClusterFor(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { TcpKeepalive = new TcpKeepaliveSettings() } });

        Assert.NotNull(cluster.UpstreamConnectionOptions.TcpKeepalive);
        Assert.Null(cluster.UpstreamConnectionOptions.TcpKeepalive.KeepaliveProbes);
    }

    [Fact]
    public void H2_upgrade_makes_the_cluster_http2_with_the_stream_limit()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            ConnectionPool = new ConnectionPoolSettings { H2UpgradePolicy = H2UpgradePolicy.Upgrade, MaxConcurrentStreams = 100 },
        });

        Assert.Equal(100u, HttpOptions(cluster).ExplicitHttpConfig.Http2ProtocolOptions.MaxConcurrentStreams);
    }

    [Fact]
    public void Stream_limit_without_http2_is_not_applied()
    {
        var cluster = ClusterFor(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { MaxConcurrentStreams = 100 } });

        Assert.Null(HttpOptions(cluster).ExplicitHttpConfig.Http2ProtocolOptions);
    }

    [Fact]
    public void Use_client_protocol_follows_the_downstream_protocol()
    {
        var cluster = ClusterFor(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { UseClientProtocol = true } });

        Assert.NotNull(HttpOptions(cluster).UseDownstreamProtocolConfig);
    }

    [Fact]
    public void Local_origin_errors_are_split_and_enforced()
    {
        var cluster = ClusterFor(new TrafficPolicy
        {
            OutlierDetection = new OutlierDetectionSettings { SplitExternalLocalOriginErrors = true, ConsecutiveLocalOriginFailures = 4 },
        });

        var outlier = cluster.OutlierDetection;
        Assert.True(outlier.SplitExternalLocalOriginErrors);
        Assert.Equal(4u, outlier.ConsecutiveLocalOriginFailure);
        Assert.Equal(100u, outlier.EnforcingConsecutiveLocalOriginFailure);
        Assert.Equal(0u, outlier.EnforcingLocalOriginSuccessRate);
    }

    [Fact]
    public void Without_the_new_fields_the_cluster_is_unchanged()
    {
        var plain = ClusterFor(new TrafficPolicy { ConnectionPool = new ConnectionPoolSettings { MaxConnections = 5 } });

        Assert.Null(plain.UpstreamConnectionOptions);
        Assert.Equal(Cluster.LbConfigOneofCase.None, plain.LbConfigCase);
        Assert.Null(plain.CommonLbConfig.LocalityWeightedLbConfig);
        Assert.False(plain.TypedExtensionProtocolOptions.ContainsKey("envoy.extensions.upstreams.http.v3.HttpProtocolOptions"));
    }

    private static Cluster ClusterFor(TrafficPolicy policy)
    {
        var rule = Rule(locality: null) with { TrafficPolicy = policy };
        var mesh = Build(rule);
        return Generate.Cluster(mesh, Client(mesh, "r1", "z1"), CartCluster);
    }

    private static HttpProtocolOptions HttpOptions(Cluster cluster) =>
        cluster.TypedExtensionProtocolOptions["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"].Unpack<HttpProtocolOptions>();
}
