namespace ControlPlane.Kubernetes.Tests.Mesh;

using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Mesh;

/// <summary>istiod's mesh config YAML read into MeshConfig: defaults, every field read, warnings and errors.</summary>
public sealed class MeshConfigParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("# only a comment\n")]
    public void An_empty_config_gives_istiods_defaults(string yaml)
    {
        var result = MeshConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(MeshConfig.Default, result.Mesh);
        Assert.Equal("istio-system", result.Mesh.RootNamespace);
        Assert.Equal(TimeSpan.FromSeconds(10), result.Mesh.ConnectTimeout);
    }

    [Fact]
    public void Every_field_read_is_applied()
    {
        var result = MeshConfigParser.Parse(
            """
            rootNamespace: mesh-root
            trustDomain: example.org
            connectTimeout: 2.5s
            proxyListenPort: 15101
            proxyInboundListenPort: 15106
            outboundTrafficPolicy:
              mode: REGISTRY_ONLY
            protocolDetectionTimeout: 100ms
            dnsRefreshRate: 1m30s
            enableAutoMtls: false
            discoverySelectors:
            - matchLabels:
                mesh: "on"
            - matchExpressions:
              - key: env
                operator: In
                values: [prod, staging]
              - key: legacy
                operator: DoesNotExist
            defaultConfig:
              discoveryAddress: istiod.istio-system.svc:15012
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var mesh = result.Mesh;
        Assert.Equal("mesh-root", mesh.RootNamespace);
        Assert.Equal("example.org", mesh.TrustDomain);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), mesh.ConnectTimeout);
        Assert.Equal(15101, mesh.ProxyListenPort);
        Assert.Equal(15106, mesh.ProxyInboundListenPort);
        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, mesh.OutboundTrafficPolicy);
        Assert.Equal(TimeSpan.FromMilliseconds(100), mesh.ProtocolDetectionTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), mesh.DnsRefreshRate);
        Assert.False(mesh.EnableAutoMtls);
        Assert.Equal(2, mesh.DiscoverySelectors.Length);
        Assert.Equal("on", mesh.DiscoverySelectors[0].MatchLabels["mesh"]);
        var expressions = mesh.DiscoverySelectors[1].MatchExpressions;
        Assert.Equal(["prod", "staging"], expressions[0].Values.AsEnumerable());
        Assert.Equal(("env", "In"), (expressions[0].Key, expressions[0].Operator));
        Assert.Equal(("legacy", "DoesNotExist", 0), (expressions[1].Key, expressions[1].Operator, expressions[1].Values.Length));
    }

    [Fact]
    public void Fields_not_read_yet_are_warnings_not_errors()
    {
        var result = MeshConfigParser.Parse("enableTracing: true\naccessLogFile: /dev/stdout\nrootNamespace: r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.StartsWith("enableTracing:", StringComparison.Ordinal));
        Assert.Equal("r", result.Mesh.RootNamespace);
    }

    [Theory]
    [InlineData("connectTimeout: ten", "connectTimeout")]
    [InlineData("connectTimeout: [1s]", "connectTimeout")]
    [InlineData("proxyListenPort: 70000", "proxyListenPort")]
    [InlineData("proxyInboundListenPort: abc", "proxyInboundListenPort")]
    [InlineData("enableAutoMtls: maybe", "enableAutoMtls")]
    [InlineData("rootNamespace: {a: b}", "rootNamespace")]
    [InlineData("outboundTrafficPolicy: {mode: SOMETIMES}", "outboundTrafficPolicy.mode")]
    [InlineData("outboundTrafficPolicy: ALLOW_ANY", "outboundTrafficPolicy")]
    [InlineData("discoverySelectors: {matchLabels: {a: b}}", "discoverySelectors")]
    [InlineData("discoverySelectors: [{matchExpressions: [{key: a, operator: Near}]}]", "discoverySelectors[0].matchExpressions[0]")]
    [InlineData("discoverySelectors: [{matchLabel: {a: b}}]", "discoverySelectors[0].matchLabel")]
    [InlineData("rootNamespace: [unclosed", "invalid YAML")]
    [InlineData("- a list", "mesh config")]
    public void Wrong_types_are_errors_naming_the_field(string yaml, string field)
    {
        var result = MeshConfigParser.Parse(yaml);

        Assert.False(result.IsValid);
        Assert.StartsWith(field, Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
