namespace ControlPlane.Model.Tests.Proxies;

using ControlPlane.Model.Proxies;

public sealed class ProxyNodeParserTests
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    [Fact]
    public void Parses_istio_sidecar_node_id()
    {
        var proxy = ProxyNodeParser.Parse("sidecar~10.1.0.5~reviews-v1-abc.shop~shop.svc.cluster.local", NoMetadata, NoMetadata);

        Assert.Equal(ProxyType.Sidecar, proxy.Type);
        Assert.Equal(ProxyKind.Envoy, proxy.Kind);
        Assert.Equal("10.1.0.5", proxy.PrimaryIp);
        Assert.Equal("reviews-v1-abc.shop", proxy.WorkloadName);
        Assert.Equal("shop", proxy.Namespace);
        Assert.Equal("shop.svc.cluster.local", proxy.DnsDomain);
    }

    [Fact]
    public void Metadata_wins_over_the_id_and_grpc_generator_selects_proxyless()
    {
        var metadata = new Dictionary<string, string>
        {
            ["NAMESPACE"] = "payments",
            ["INSTANCE_IPS"] = "10.1.0.9, fd00::9",
            ["GENERATOR"] = "grpc",
            ["CLUSTER_ID"] = "Kubernetes",
        };
        var labels = new Dictionary<string, string> { ["app"] = "ledger" };

        var proxy = ProxyNodeParser.Parse("sidecar~127.0.0.1~ledger.other~other.svc.cluster.local", metadata, labels);

        Assert.Equal("payments", proxy.Namespace);
        Assert.Equal<string>(["10.1.0.9", "fd00::9"], proxy.IpAddresses);
        Assert.Equal(ProxyKind.ProxylessGrpc, proxy.Kind);
        Assert.Equal("ledger", proxy.Labels["app"]);
        Assert.Equal("Kubernetes", proxy.ClusterId);
    }

    [Fact]
    public void Router_type_is_a_gateway() =>
        Assert.Equal(ProxyType.Router, ProxyNodeParser.Parse("router~10.0.0.1~gw.istio-system~istio-system.svc.cluster.local", NoMetadata, NoMetadata).Type);

    [Theory]
    [InlineData("")]
    [InlineData("sidecar~10.0.0.1~pod.ns")]
    [InlineData("waypoint~10.0.0.1~pod.ns~ns.svc.cluster.local")]
    public void Malformed_ids_are_rejected_with_the_id_in_the_message(string id)
    {
        var error = Assert.Throws<FormatException>(() => ProxyNodeParser.Parse(id, NoMetadata, NoMetadata));
        Assert.Contains($"'{id}'", error.Message, StringComparison.Ordinal);
    }
}
