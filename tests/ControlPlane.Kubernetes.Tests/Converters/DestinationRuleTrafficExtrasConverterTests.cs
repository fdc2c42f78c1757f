namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// <c>trafficPolicy.tunnel</c>, <c>proxyProtocol</c> and <c>retryBudget</c> (rule and subset level), read without warnings
/// and checked as istiod's <c>validateTrafficPolicy</c> checks them; <c>loadBalancer.backendUtilization</c> is a warning
/// saying why it is not applied.
/// </summary>
public sealed class DestinationRuleTrafficExtrasConverterTests
{
    [Fact]
    public void Tunnel_proxy_protocol_and_retry_budget_are_read_without_warnings()
    {
        var result = Load("""
            trafficPolicy:
              tunnel: {protocol: POST, targetHost: egress.corp.example, targetPort: 8443}
              retryBudget: {percent: 12.5, minRetryConcurrency: 4}
            subsets:
            - name: v1
              labels: {version: v1}
              trafficPolicy:
                proxyProtocol: {version: V2}
                retryBudget: {}
            """);

        result.AssertNoProblems();
        var rule = result.Config<DestinationRule>("cart");
        Assert.Equal(new TunnelSettings("egress.corp.example", 8443, UsePost: true), rule.TrafficPolicy!.Tunnel);
        Assert.Equal(new RetryBudgetSettings { Percent = 12.5, MinRetryConcurrency = 4 }, rule.TrafficPolicy.RetryBudget);
        var subset = rule.Subsets.Single().TrafficPolicy!;
        Assert.Equal(ProxyProtocolVersion.V2, subset.ProxyProtocol);
        Assert.Equal(new RetryBudgetSettings(), subset.RetryBudget);
    }

    [Fact]
    public void Tunnel_protocol_defaults_to_connect_and_proxy_protocol_to_v1()
    {
        var tunnel = Load("trafficPolicy: {tunnel: {targetHost: 10.0.0.5, targetPort: 3128}}");
        var proxy = Load("trafficPolicy: {proxyProtocol: {}}");

        tunnel.AssertNoProblems();
        proxy.AssertNoProblems();
        Assert.False(tunnel.Config<DestinationRule>("cart").TrafficPolicy!.Tunnel!.UsePost);
        Assert.Equal(ProxyProtocolVersion.V1, proxy.Config<DestinationRule>("cart").TrafficPolicy!.ProxyProtocol);
    }

    [Theory]
    [InlineData("{protocol: UDP, targetHost: a.example, targetPort: 80}", "spec.trafficPolicy.tunnel.protocol")]
    [InlineData("{targetHost: 'bad_host!', targetPort: 80}", "spec.trafficPolicy.tunnel.targetHost")]
    [InlineData("{targetHost: a.123, targetPort: 80}", "spec.trafficPolicy.tunnel.targetHost")]
    [InlineData("{targetHost: a.example, targetPort: 70000}", "spec.trafficPolicy.tunnel.targetPort")]
    [InlineData("{targetHost: a.example}", "spec.trafficPolicy.tunnel.targetPort")]
    [InlineData("{targetPort: 80}", "spec.trafficPolicy.tunnel.targetHost")]
    public void Invalid_tunnel_settings_are_rejected(string tunnel, string field)
    {
        var result = Load($"trafficPolicy: {{tunnel: {tunnel}}}");

        Assert.Contains(result.Errors(), e => e.Field == field);
    }

    [Fact]
    public void Tunnel_and_proxy_protocol_together_are_rejected()
    {
        var result = Load("trafficPolicy: {tunnel: {targetHost: a.example, targetPort: 80}, proxyProtocol: {version: V1}}");

        var error = Assert.Single(result.Errors());
        Assert.Equal("tunnel and proxyProtocol must not be set together", error.Message.Split(" (line")[0]);
    }

    [Fact]
    public void An_unknown_proxy_protocol_version_and_an_out_of_range_budget_are_rejected()
    {
        var result = Load("trafficPolicy: {proxyProtocol: {version: V3}, retryBudget: {percent: 150}}");

        Assert.Equal(
            ["spec.trafficPolicy.proxyProtocol.version", "spec.trafficPolicy.retryBudget.percent"],
            result.Errors().Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Backend_utilization_is_a_warning_that_says_why_it_is_not_applied()
    {
        var result = Load("trafficPolicy: {loadBalancer: {backendUtilization: {blackoutPeriod: 10s}}}");

        var warning = Assert.Single(result.Warnings());
        Assert.Equal("spec.trafficPolicy.loadBalancer.backendUtilization", warning.Field);
        Assert.Contains("client_side_weighted_round_robin", warning.Message, StringComparison.Ordinal);
        Assert.Empty(result.Errors());
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
