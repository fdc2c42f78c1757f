namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Xds.Generation;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Google.Protobuf.WellKnownTypes;

public sealed class EnvoyJsonTests
{
    [Fact]
    public void Renders_packed_contents_indented()
    {
        var filter = new Filter
        {
            Name = "envoy.filters.network.tcp_proxy",
            TypedConfig = Any.Pack(new TcpProxy { StatPrefix = "x", Cluster = "BlackHoleCluster" }),
        };

        var json = EnvoyJson.Format(filter);

        Assert.Contains("\"@type\": \"type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy\"", json, StringComparison.Ordinal);
        Assert.Contains("\n  \"typedConfig\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"cluster\": \"BlackHoleCluster\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_knows_every_generated_message()
    {
        Assert.NotNull(EnvoyJson.Registry.Find("envoy.config.cluster.v3.Cluster"));
        Assert.NotNull(EnvoyJson.Registry.Find("envoy.extensions.upstreams.http.v3.HttpProtocolOptions"));
        Assert.NotNull(EnvoyJson.Registry.Find("udpa.type.v1.TypedStruct"));
        Assert.NotNull(EnvoyJson.Registry.Find("google.protobuf.Struct"));
    }
}
