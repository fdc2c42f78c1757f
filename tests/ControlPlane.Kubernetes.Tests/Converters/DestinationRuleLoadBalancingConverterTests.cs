namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// localityLbSetting, slow start, connection pool, outlier and consistent-hash fields beyond the basics: read into the
/// model with no "not supported" warning, and checked with istiod's validation rules.
/// </summary>
public sealed class DestinationRuleLoadBalancingConverterTests
{
    [Fact]
    public void Locality_settings_warmup_and_pool_fields_are_converted_without_warnings()
    {
        var result = Load("""
            trafficPolicy:
              loadBalancer:
                simple: ROUND_ROBIN
                localityLbSetting:
                  enabled: true
                  failover: [{from: us-east, to: us-west}]
                  failoverPriority: [topology.istio.io/network, "tier=gold"]
                warmupDurationSecs: 10s
                warmup: {duration: 30s, aggression: 2.5, minimumPercent: 20}
              connectionPool:
                tcp: {tcpKeepalive: {probes: 3, time: 2m, interval: 75s}, maxConnectionDuration: 1h}
                http: {h2UpgradePolicy: UPGRADE, maxConcurrentStreams: 200}
              outlierDetection: {consecutive5xxErrors: 3, splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 4}
            """);

        result.AssertNoProblems();
        var policy = result.Config<DestinationRule>("cart").TrafficPolicy!;
        var lb = policy.LoadBalancer!;
        Assert.Equal([new LocalityFailover("us-east", "us-west")], lb.LocalityLbSetting!.Failover.ToArray());
        Assert.Equal(["topology.istio.io/network", "tier=gold"], lb.LocalityLbSetting.FailoverPriority.ToArray());
        Assert.True(lb.LocalityLbSetting.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(10), lb.WarmupDuration);
        Assert.Equal(new WarmupSettings(TimeSpan.FromSeconds(30)) { Aggression = 2.5, MinimumPercent = 20 }, lb.Warmup);
        var pool = policy.ConnectionPool!;
        Assert.Equal(new TcpKeepaliveSettings { Probes = 3, Time = TimeSpan.FromMinutes(2), Interval = TimeSpan.FromSeconds(75) }, pool.TcpKeepalive);
        Assert.Equal(TimeSpan.FromHours(1), pool.MaxConnectionDuration);
        Assert.Equal((H2UpgradePolicy.Upgrade, false, 200), (pool.H2UpgradePolicy, pool.UseClientProtocol, pool.MaxConcurrentStreams!.Value));
        Assert.True(policy.OutlierDetection!.SplitExternalLocalOriginErrors);
        Assert.Equal(4u, policy.OutlierDetection.ConsecutiveLocalOriginFailures);
    }

    [Fact]
    public void Distribute_keeps_the_written_order_of_destinations()
    {
        var result = Load("""
            trafficPolicy:
              loadBalancer:
                localityLbSetting:
                  distribute:
                    - from: us-east/zone1/*
                      to: {"us-east/zone1/*": 80, "us-east/zone2/*": 20}
            """);

        result.AssertNoProblems();
        var distribution = result.Config<DestinationRule>("cart").TrafficPolicy!.LoadBalancer!.LocalityLbSetting!.Distribute.Single();
        Assert.Equal("us-east/zone1/*", distribution.From);
        Assert.Equal([new LocalityWeight("us-east/zone1/*", 80), new LocalityWeight("us-east/zone2/*", 20)], distribution.To.ToArray());
    }

    [Fact]
    public void Maglev_table_size_and_cookie_attributes_are_converted()
    {
        var result = Load("""
            trafficPolicy:
              loadBalancer:
                consistentHash:
                  httpCookie: {name: session, ttl: 0s, attributes: [{name: SameSite, value: Strict}, {name: Secure}]}
                  maglev: {tableSize: 65537}
            """);

        result.AssertNoProblems();
        var hash = result.Config<DestinationRule>("cart").TrafficPolicy!.LoadBalancer!.ConsistentHash!;
        Assert.Equal(65537ul, hash.MaglevTableSize);
        Assert.Equal([new HttpCookieAttribute("SameSite", "Strict"), new HttpCookieAttribute("Secure", "")], hash.HttpCookieAttributes.ToArray());
    }

    [Theory]
    [InlineData("localityLbSetting: {distribute: [{from: a/*, to: {b/*: 100}}], failover: [{from: a, to: b}]}", "can not simultaneously specify 'distribute' and 'failover'")]
    [InlineData("localityLbSetting: {distribute: [{from: a/*, to: {b/*: 60, c/*: 30}}]}", "total locality weight 90 != 100")]
    [InlineData("localityLbSetting: {distribute: [{from: a/*, to: {b/*: 0, c/*: 100}}]}", "locality weight must be in range [1, 100]")]
    [InlineData("localityLbSetting: {distribute: [{from: a/*, to: {b/*: 50, b/z1: 50}}]}", "locality b/z1 overlap with previous specified ones")]
    [InlineData("localityLbSetting: {distribute: [{from: a/*/z, to: {b/*: 100}}]}", "locality a/*/z wildcard '*' number can not exceed 1 and must be in the end")]
    [InlineData("localityLbSetting: {failover: [{from: a, to: a}]}", "locality lb failover settings must specify different regions")]
    [InlineData("localityLbSetting: {failover: [{from: a/z, to: b}]}", "locality lb failover only specify region")]
    [InlineData("localityLbSetting: {failover: [{from: a, to: b}], failoverPriority: [topology.kubernetes.io/zone]}", "can not simultaneously set 'failover' and topology label 'topology.kubernetes.io/zone' in 'failover_priority'")]
    [InlineData("warmup: {aggression: 2}", "duration is required")]
    [InlineData("warmup: {duration: 10s, aggression: 0.5}", "aggression should be greater than or equal to 1")]
    [InlineData("warmup: {duration: 10s, minimumPercent: 120}", "minimumPercent value should be less than or equal to 100")]
    [InlineData("consistentHash: {httpHeaderName: x, maglev: {}}", "tableSize must be set for maglev")]
    [InlineData("consistentHash: {httpHeaderName: x, maglev: {tableSize: 65536}}", "tableSize must be a prime number for maglev")]
    [InlineData("consistentHash: {httpHeaderName: x, maglev: {tableSize: 5000011}}", "tableSize must be less than 5000011 for maglev")]
    public void Istiod_load_balancer_rules_reject(string loadBalancer, string message)
    {
        var result = Load($"""
            trafficPolicy:
              outlierDetection: {"{consecutive5xxErrors: 1}"}
              loadBalancer: {"{" + loadBalancer + "}"}
            """);

        Assert.Contains(result.Errors(), e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Failover_without_outlier_detection_is_a_warning()
    {
        var result = Load("""
            trafficPolicy:
              loadBalancer: {localityLbSetting: {failover: [{from: a, to: b}]}}
            """);

        Assert.Empty(result.Errors());
        Assert.Contains(result.Warnings(), w => w.Message.Contains("outlier detection policy must be provided for failover", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("connectionPool: {http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}}", "use client protocol must not be true when H2UpgradePolicy is UPGRADE")]
    [InlineData("outlierDetection: {consecutiveLocalOriginFailures: 3}", "split external local origin errors is set to false")]
    [InlineData("connectionPool: {tcp: {maxConnectionDuration: 0.5ms}}", "duration must be greater than 1ms")]
    [InlineData("connectionPool: {tcp: {tcpKeepalive: {time: 1.5ms}}}", "only durations to ms precision are supported")]
    public void Istiod_pool_and_outlier_rules_reject(string field, string message)
    {
        var result = Load($"""
            trafficPolicy:
              {field}
            """);

        Assert.Contains(result.Errors(), e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    private static YamlLoadResult Load(string spec)
    {
        var indented = string.Join('\n', spec.Split('\n').Select(line => "  " + line));
        return TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {"{name: cart, namespace: shop}"}
            spec:
              host: cart.shop.svc.cluster.local
            {indented}
            """);
    }
}
