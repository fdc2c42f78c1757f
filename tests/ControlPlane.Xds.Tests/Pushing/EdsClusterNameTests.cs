namespace ControlPlane.Xds.Tests.Pushing;

using System.Collections.Frozen;
using System.Collections.Immutable;
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

    [Theory]
    [InlineData("outbound|9080|v1|reviews.default.svc.cluster.local", true)]
    [InlineData("outbound_.9080_.v1_.reviews.default.svc.cluster.local", true)]
    [InlineData("outbound|9080||ratings.default.svc.cluster.local", false)]
    [InlineData("outbound|9080|reviews.default.svc.cluster.local", false)]
    [InlineData("outbound_.9080_.reviews.default.svc.cluster.local", false)]
    [InlineData("inbound|9080||", false)]
    public void Host_in_a_set_is_the_same_whatever_the_set(string name, bool expected)
    {
        string[] hosts = ["reviews.default.svc.cluster.local", "details.default.svc.cluster.local"];

        Assert.Equal(expected, EdsClusterName.HostIn(name, hosts.ToFrozenSet(StringComparer.Ordinal)));
        Assert.Equal(expected, EdsClusterName.HostIn(name, hosts.ToFrozenSet()));
        Assert.Equal(expected, EdsClusterName.HostIn(name, hosts.ToHashSet(StringComparer.Ordinal)));
        Assert.Equal(expected, EdsClusterName.HostIn(name, ImmutableHashSet.Create(hosts)));
    }
}
