namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Model.Proxies;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Serving;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

public sealed class NodeReaderTests
{
    [Fact]
    public void A_sidecar_node_is_parsed_with_flattened_labels_and_string_metadata()
    {
        var node = XdsTestNodes.Sidecar("reviews-v1-abc", "bookinfo", "10.1.2.3", new Dictionary<string, string> { ["app"] = "reviews" });
        node.Metadata.Fields["NOT_A_STRING"] = Value.ForNumber(3);

        var proxy = NodeReader.Read(node);

        Assert.Equal("reviews-v1-abc.bookinfo", proxy.ShortId);
        Assert.Equal("bookinfo", proxy.Namespace);
        Assert.Equal("reviews", proxy.Labels["app"]);
        Assert.Equal("1.24.0", proxy.IstioVersion);
        Assert.Equal(["10.1.2.3"], proxy.IpAddresses.ToArray());
        Assert.False(proxy.Metadata.ContainsKey("LABELS"));
        Assert.False(proxy.Metadata.ContainsKey("NOT_A_STRING"));
    }

    [Fact]
    public void A_proxyless_node_is_recognised()
    {
        Assert.Equal(ProxyKind.ProxylessGrpc, NodeReader.Read(XdsTestNodes.ProxylessGrpc("app", "default")).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-istio-id")]
    [InlineData("robot~10.0.0.1~a.b~b.svc.cluster.local")]
    public void A_missing_or_malformed_id_is_invalid_argument(string id)
    {
        var error = Assert.Throws<RpcException>(() => NodeReader.Read(XdsTestNodes.WithId(id)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public void No_node_at_all_is_invalid_argument()
    {
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => NodeReader.Read(null)).StatusCode);
    }
}
