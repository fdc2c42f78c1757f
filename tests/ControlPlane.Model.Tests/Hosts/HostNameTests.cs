namespace ControlPlane.Model.Tests.Hosts;

using ControlPlane.Model.Hosts;

public sealed class HostNameTests
{
    [Theory]
    [InlineData("reviews", "default", "reviews.default.svc.cluster.local")]
    [InlineData("reviews.prod", "default", "reviews.prod")]
    [InlineData("reviews.default.svc.cluster.local", "x", "reviews.default.svc.cluster.local")]
    [InlineData("*", "default", "*")]
    [InlineData("*.example.com", "default", "*.example.com")]
    [InlineData("10.1.2.3", "default", "10.1.2.3")]
    public void Resolve_follows_istio_short_name_rules(string host, string ns, string expected) =>
        Assert.Equal(expected, HostName.Resolve(host, ns, "cluster.local"));

    [Theory]
    [InlineData("*", "anything.example.com", true)]
    [InlineData("*.example.com", "api.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("*.example.com", "*.api.example.com", true)]
    [InlineData("*.api.example.com", "*.example.com", false)]
    [InlineData("api.example.com", "API.example.com", true)]
    [InlineData("api.example.com", "web.example.com", false)]
    public void Matches_handles_wildcards(string pattern, string host, bool expected) =>
        Assert.Equal(expected, HostName.Matches(pattern, host));

    [Fact]
    public void Specificity_orders_exact_before_longer_wildcard_before_shorter()
    {
        var hosts = new List<string> { "*", "*.com", "a.b.com", "*.b.com" };
        hosts.Sort(HostName.CompareSpecificity);
        Assert.Equal(["a.b.com", "*.b.com", "*.com", "*"], hosts);
    }
}
