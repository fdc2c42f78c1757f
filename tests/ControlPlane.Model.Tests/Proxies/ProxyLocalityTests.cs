namespace ControlPlane.Model.Tests.Proxies;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Services;

/// <summary>The Envoy node's <c>locality</c> carried onto the proxy (istiod's fallback when the registry knows none).</summary>
public sealed class ProxyLocalityTests
{
    private const string NodeId = "sidecar~10.1.0.5~web-1.shop~shop.svc.cluster.local";
    private static readonly Dictionary<string, string> NoMetadata = [];

    [Fact]
    public void The_node_locality_is_kept()
    {
        var proxy = ProxyNodeParser.Parse(NodeId, NoMetadata, NoMetadata, new Locality("us-east1", "us-east1-b", "rack7"));

        Assert.Equal(new Locality("us-east1", "us-east1-b", "rack7"), proxy.Locality);
        Assert.Equal("us-east1/us-east1-b/rack7", proxy.Locality.ToString());
    }

    [Fact]
    public void Without_a_node_locality_it_is_unknown()
    {
        var proxy = ProxyNodeParser.Parse(NodeId, NoMetadata, NoMetadata);

        Assert.Equal(Locality.Unknown, proxy.Locality);
        Assert.Equal("", proxy.Locality.Region);
    }
}
