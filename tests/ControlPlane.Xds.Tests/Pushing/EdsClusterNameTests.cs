namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Xds.Pushing;

public sealed class EdsClusterNameTests
{
    [Theory]
    [InlineData("outbound|9080||reviews.default.svc.cluster.local", "reviews.default.svc.cluster.local")]
    [InlineData("outbound|9080|v1|reviews.default.svc.cluster.local", "reviews.default.svc.cluster.local")]
    public void The_host_is_the_fourth_field(string name, string host)
    {
        Assert.True(EdsClusterName.TryGetHost(name, out var parsed));
        Assert.Equal(host, parsed);
    }

    [Theory]
    [InlineData("BlackHoleCluster")]
    [InlineData("inbound|9080||")]
    [InlineData("outbound|9080|reviews")]
    public void Other_names_have_no_host(string name) => Assert.False(EdsClusterName.TryGetHost(name, out _));
}
