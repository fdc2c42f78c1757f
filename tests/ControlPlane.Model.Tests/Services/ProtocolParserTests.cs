namespace ControlPlane.Model.Tests.Services;

using ControlPlane.Model.Services;

public sealed class ProtocolParserTests
{
    [Theory]
    [InlineData("http", null, Protocol.Http)]
    [InlineData("http-web", null, Protocol.Http)]
    [InlineData("http2", null, Protocol.Http2)]
    [InlineData("grpc", null, Protocol.Grpc)]
    [InlineData("grpc-api", null, Protocol.Grpc)]
    [InlineData("tcp-db", null, Protocol.Tcp)]
    [InlineData("https", null, Protocol.Https)]
    [InlineData("tls", null, Protocol.Tls)]
    [InlineData("mongo", null, Protocol.Mongo)]
    [InlineData("redis-cache", null, Protocol.Redis)]
    [InlineData("mysql", null, Protocol.MySql)]
    [InlineData("udp-dns", null, Protocol.Udp)]
    [InlineData("web", null, Protocol.Unsupported)]
    [InlineData(null, null, Protocol.Unsupported)]
    [InlineData("web", "http", Protocol.Http)]
    [InlineData("tcp", "grpc", Protocol.Grpc)]
    [InlineData("web", "kubernetes.io/h2c", Protocol.Http2)]
    [InlineData("http", "something-unknown", Protocol.Http)]
    public void Protocol_comes_from_appProtocol_then_the_port_name_prefix(string? name, string? appProtocol, Protocol expected) =>
        Assert.Equal(expected, ProtocolParser.FromPort(name, appProtocol));

    [Fact]
    public void Http_family_and_tcp_family_are_disjoint()
    {
        foreach (var protocol in Enum.GetValues<Protocol>())
        {
            Assert.False(protocol.IsHttp() && protocol.IsTcp(), protocol.ToString());
        }

        Assert.True(Protocol.Grpc.IsHttp2());
        Assert.False(Protocol.Unsupported.IsHttp());
    }
}
