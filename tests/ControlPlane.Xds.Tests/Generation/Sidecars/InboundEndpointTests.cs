namespace ControlPlane.Xds.Tests.Generation.Sidecars;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Listeners;

/// <summary>How <c>defaultEndpoint</c> and the default ingress bind resolve against the proxy's addresses.</summary>
public sealed class InboundEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "10.1.0.10", "127.0.0.1", 8080)]
    [InlineData("127.0.0.1:8080", "fd00::10", "::1", 8080)]
    [InlineData("[::1]:8080", "10.1.0.10", "127.0.0.1", 8080)]
    [InlineData("[::1]:8080", "fd00::10", "::1", 8080)]
    [InlineData("0.0.0.0:8080", "10.1.0.10", "10.1.0.10", 8080)]
    [InlineData("0.0.0.0:8080", "fd00::10", "127.0.0.1", 8080)]
    [InlineData("[::]:8080", "fd00::10", "fd00::10", 8080)]
    [InlineData("[::]:8080", "10.1.0.10", "::1", 8080)]
    [InlineData("unix:///var/run/a.sock", "10.1.0.10", "unix:///var/run/a.sock", 0)]
    public void Default_endpoint_resolves_against_the_proxy(string defaultEndpoint, string proxyIp, string address, int port)
    {
        Assert.True(InboundEndpoint.TryResolve(ProxyAt(proxyIp), defaultEndpoint, out var endpoint));
        Assert.Equal(new InboundEndpoint(address, port), endpoint);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":8080")]
    public void No_host_keeps_the_original_destination(string defaultEndpoint)
    {
        Assert.True(InboundEndpoint.TryResolve(ProxyAt("10.1.0.10"), defaultEndpoint, out var endpoint));
        Assert.Null(endpoint);
    }

    [Fact]
    public void An_unparsable_endpoint_builds_no_cluster()
    {
        Assert.False(InboundEndpoint.TryResolve(ProxyAt("10.1.0.10"), "127.0.0.1", out _));
    }

    [Theory]
    [InlineData(new[] { "10.1.0.10" }, "10.1.0.10")]
    [InlineData(new[] { "127.0.0.1", "10.1.0.10" }, "10.1.0.10")]
    [InlineData(new[] { "fe80::1", "fd00::10" }, "fd00::10")]
    [InlineData(new[] { "169.254.1.1" }, "0.0.0.0")]
    [InlineData(new[] { "fe80::1" }, "::")]
    public void Default_ingress_bind_is_the_first_global_unicast_ip(string[] ips, string bind)
    {
        Assert.Equal(bind, InboundBindAddress.Default(new Proxy { Id = "sidecar~x~p.ns~ns.svc.cluster.local", IpAddresses = [.. ips] }));
    }

    private static Proxy ProxyAt(string ip) => new() { Id = $"sidecar~{ip}~p.ns~ns.svc.cluster.local", IpAddresses = [ip] };
}
