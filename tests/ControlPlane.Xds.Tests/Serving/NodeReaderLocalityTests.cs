namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Serving;
using Envoy.Config.Core.V3;

/// <summary>The Envoy node's <c>locality</c> becomes the proxy's (istiod's fallback for locality load balancing).</summary>
public sealed class NodeReaderLocalityTests
{
    [Fact]
    public void The_node_locality_is_read()
    {
        var node = XdsTestNodes.Sidecar("web-1", "shop", "10.1.2.3", new Dictionary<string, string>());
        node.Locality = new Locality { Region = "us-east1", Zone = "us-east1-b", SubZone = "rack-7" };

        var proxy = NodeReader.Read(node);

        Assert.Equal(new Model.Services.Locality("us-east1", "us-east1-b", "rack-7"), proxy.Locality);
    }

    [Fact]
    public void A_node_without_locality_has_an_unknown_one()
    {
        var proxy = NodeReader.Read(XdsTestNodes.Sidecar("web-1", "shop", "10.1.2.3", new Dictionary<string, string>()));

        Assert.Equal(Model.Services.Locality.Unknown, proxy.Locality);
    }
}
