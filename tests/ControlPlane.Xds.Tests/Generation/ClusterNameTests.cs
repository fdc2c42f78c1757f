namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Xds.Generation.Naming;

public sealed class ClusterNameTests
{
    [Fact]
    public void Builds_istiod_subset_keys()
    {
        Assert.Equal("outbound|9080|v1|reviews.default.svc.cluster.local", ClusterName.Outbound(9080, "v1", "reviews.default.svc.cluster.local"));
        Assert.Equal("outbound|80||a.example.com", ClusterName.Outbound(80, "", "a.example.com"));
        Assert.Equal("inbound|8080||", ClusterName.Inbound(8080));
    }

    [Theory]
    [InlineData("outbound|9080|v1|reviews.default.svc.cluster.local", "outbound", 9080, "v1", "reviews.default.svc.cluster.local")]
    [InlineData("outbound|80||a.example.com", "outbound", 80, "", "a.example.com")]
    [InlineData("inbound|8080||", "inbound", 8080, "", "")]
    [InlineData("outbound_.9080_.v1_.reviews.default.svc.cluster.local", "outbound", 9080, "v1", "reviews.default.svc.cluster.local")]
    public void Parses_both_forms(string name, string direction, int port, string subset, string host)
    {
        Assert.True(ClusterName.TryParse(name, out var parsed));
        Assert.Equal(new ParsedClusterName(direction, port, subset, host), parsed);
    }

    [Theory]
    [InlineData("BlackHoleCluster")]
    [InlineData("outbound|x||host")]
    [InlineData("sideways|80||host")]
    [InlineData("outbound|80|host")]
    [InlineData("outbound|80||a.example.com|extra")]
    [InlineData("outbound_.80_.v1")]
    [InlineData("outbound|+80||host")]
    public void Rejects_other_names(string name) => Assert.False(ClusterName.TryParse(name, out _));
}
