namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.DestinationRules;

public sealed class DestinationRuleConverterTests
{
    [Fact]
    public void TrafficPolicySubsetsAndPortSettings_AreConverted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1beta1
            kind: DestinationRule
            metadata: {name: reviews, namespace: books}
            spec:
              host: reviews.books.svc.cluster.local
              exportTo: ["*"]
              workloadSelector: {matchLabels: {app: gateway}}
              trafficPolicy:
                loadBalancer:
                  consistentHash: {httpCookie: {name: session, path: /, ttl: 1h30m}, ringHash: {minimumRingSize: 2048}}
                connectionPool:
                  tcp: {maxConnections: 100, connectTimeout: 250ms, idleTimeout: 1h}
                  http: {http1MaxPendingRequests: 10, http2MaxRequests: 1000, maxRequestsPerConnection: 5, maxRetries: 4}
                outlierDetection: {consecutive5xxErrors: 7, consecutiveGatewayErrors: 2, interval: 1s, baseEjectionTime: 3m, maxEjectionPercent: 30, minHealthPercent: 10}
                tls: {mode: ISTIO_MUTUAL, sni: reviews.internal, subjectAltNames: [spiffe://cluster.local/ns/books/sa/reviews]}
                portLevelSettings:
                  - port: {number: 9080}
                    loadBalancer: {simple: LEAST_CONN}
                    tls: {mode: SIMPLE, credentialName: reviews-ca}
              subsets:
                - name: v1
                  labels: {version: v1}
                - name: v2
                  labels: {version: v2}
                  trafficPolicy: {loadBalancer: {simple: RANDOM}}
            """);

        Assert.Empty(result.Errors());
        Assert.Equal(
            ["spec.trafficPolicy.portLevelSettings[0].tls.credentialName", "spec.trafficPolicy.tls.mode"],
            result.Warnings().Select(w => w.Field).Order(StringComparer.Ordinal));
        var rule = result.Config<DestinationRule>("reviews");
        Assert.Equal("reviews.books.svc.cluster.local", rule.Host);
        Assert.Equal("gateway", rule.WorkloadSelector!.MatchLabels["app"]);
        var policy = rule.TrafficPolicy!;
        var hash = policy.LoadBalancer!.ConsistentHash!;
        Assert.Equal(("session", "/", TimeSpan.FromMinutes(90), 2048UL), (hash.HttpCookieName, hash.HttpCookiePath, hash.HttpCookieTtl!.Value, hash.MinimumRingSize));
        var pool = policy.ConnectionPool!;
        Assert.Equal((100, TimeSpan.FromMilliseconds(250), 10, 1000, 5, 4), (pool.MaxConnections, pool.ConnectTimeout!.Value, pool.Http1MaxPendingRequests, pool.Http2MaxRequests, pool.MaxRequestsPerConnection, pool.MaxRetries));
        Assert.Equal(TimeSpan.FromHours(1), pool.IdleTimeout);
        var outlier = policy.OutlierDetection!;
        Assert.Equal((7, 2, 30, 10), (outlier.Consecutive5xxErrors, outlier.ConsecutiveGatewayErrors, outlier.MaxEjectionPercent, outlier.MinHealthPercent));
        Assert.Equal(TimeSpan.FromMinutes(3), outlier.BaseEjectionTime);
        Assert.Equal((ClientTlsMode.IstioMutual, "reviews.internal"), (policy.Tls!.Mode, policy.Tls.Sni));
        var port = Assert.Single(policy.PortLevelSettings);
        Assert.Equal((9080, SimpleLoadBalancer.LeastRequest, ClientTlsMode.Simple, "reviews-ca"), (port.Port, port.LoadBalancer!.Simple, port.Tls!.Mode, port.Tls.CredentialName));
        Assert.Equal(["v1", "v2"], rule.Subsets.Select(s => s.Name).ToArray());
        Assert.Equal("v2", rule.FindSubset("v2")!.Labels["version"]);
        Assert.Equal(SimpleLoadBalancer.Random, rule.FindSubset("v2")!.TrafficPolicy!.LoadBalancer!.Simple);
    }

    [Theory]
    [InlineData("subsets: [{name: v1}, {name: v1}]", "spec.subsets[1].name", "duplicate subset")]
    [InlineData("subsets: [{labels: {version: v1}}]", "spec.subsets[0].name", "required")]
    [InlineData("trafficPolicy: {loadBalancer: {simple: FASTEST}}", "spec.trafficPolicy.loadBalancer.simple", "FASTEST")]
    [InlineData("trafficPolicy: {loadBalancer: {consistentHash: {}}}", "spec.trafficPolicy.loadBalancer.consistentHash", "exactly one")]
    [InlineData("trafficPolicy: {outlierDetection: {maxEjectionPercent: 150}}", "spec.trafficPolicy.outlierDetection.maxEjectionPercent", "between 0 and 100")]
    [InlineData("trafficPolicy: {outlierDetection: {interval: -1s}}", "spec.trafficPolicy.outlierDetection.interval", "duration")]
    [InlineData("trafficPolicy: {tls: {mode: MUTUAL, privateKey: /k.pem}}", "spec.trafficPolicy.tls.clientCertificate", "client certificate required for mutual tls")]
    [InlineData("trafficPolicy: {portLevelSettings: [{port: {number: 0}, tls: {mode: DISABLE}}]}", "spec.trafficPolicy.portLevelSettings[0].port.number", "between 1 and 65535")]
    [InlineData("subsets: [{name: v1, labels: {version: 1}}]", "spec.subsets[0].labels.version", "string")]
    public void InvalidRules_AreRejectedWithTheFieldPath(string body, string field, string message)
    {
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {"{"}name: bad{"}"}
            spec:
              host: svc
              {body}
            """);

        Assert.Empty(result.Delta.UpsertedConfigs);
        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHost_IsRejected()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: nohost}
            spec: {subsets: [{name: v1}]}
            """);

        Assert.Equal("spec.host", Assert.Single(result.Errors()).Field);
    }
}
