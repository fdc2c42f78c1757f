namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// istiod's <c>validateTrafficPolicy</c> and <c>validatePortTrafficPolicies</c>: a traffic policy at rule or subset level,
/// and each port-level entry, must set at least one field, or the whole rule is rejected.
/// </summary>
public sealed class DestinationRuleEmptyPolicyConverterTests
{
    [Theory]
    [InlineData("trafficPolicy: {}", "spec.trafficPolicy")]
    [InlineData("trafficPolicy: {portLevelSettings: []}", "spec.trafficPolicy")]
    [InlineData("subsets: [{name: v1, labels: {version: v1}, trafficPolicy: {}}]", "spec.subsets[0].trafficPolicy")]
    public void An_empty_traffic_policy_rejects_the_rule(string spec, string field)
    {
        var result = Load(spec);

        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.StartsWith("traffic policy must have at least one field", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Fact]
    public void A_port_level_entry_with_only_its_port_rejects_the_rule()
    {
        var result = Load("trafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: DISABLE}}, {port: {number: 81}}]}");

        var error = Assert.Single(result.Errors());
        Assert.Equal("spec.trafficPolicy.portLevelSettings[1]", error.Field);
        Assert.StartsWith("port traffic policy must have at least one field", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Theory]
    [InlineData("connectionPool: {tcp: {idleTimeout: 1h}}")]
    [InlineData("loadBalancer: {simple: ROUND_ROBIN}")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}")]
    [InlineData("tls: {mode: DISABLE}")]
    [InlineData("portLevelSettings: [{port: {number: 80}, loadBalancer: {simple: RANDOM}}]")]
    [InlineData("tunnel: {targetHost: egress.example, targetPort: 8080}")]
    [InlineData("proxyProtocol: {version: V2}")]
    [InlineData("retryBudget: {percent: 10}")]
    public void A_policy_setting_any_one_field_is_accepted(string policy)
    {
        var result = Load($"trafficPolicy: {{{policy}}}");

        Assert.Empty(result.Errors());
        Assert.NotNull(result.Config<DestinationRule>("cart").TrafficPolicy);
    }

    private static YamlLoadResult Load(string spec) => TestYaml.Load($"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {"{name: cart, namespace: shop}"}
        spec:
          host: cart.shop.svc.cluster.local
          {spec}
        """);
}
