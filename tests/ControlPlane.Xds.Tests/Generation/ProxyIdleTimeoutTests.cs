namespace ControlPlane.Xds.Tests.Generation;

using System.Collections.Frozen;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Filters;

/// <summary>The proxy's <c>IDLE_TIMEOUT</c> metadata is read in Go's <c>time.ParseDuration</c> form, as istiod reads it.</summary>
public sealed class ProxyIdleTimeoutTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("1h30m", 5_400_000)]
    public void A_go_duration_in_the_metadata_is_the_idle_timeout(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ProxyIdleTimeout.Of(WithIdleTimeout(text)));

    [Theory]
    [InlineData("10")]
    [InlineData("-1s")]
    public void Text_go_rejects_or_a_negative_value_gives_no_timeout(string text) =>
        Assert.Null(ProxyIdleTimeout.Of(WithIdleTimeout(text)));

    [Fact]
    public void No_metadata_gives_no_timeout() => Assert.Null(ProxyIdleTimeout.Of(new Proxy { Id = "sidecar~10.0.0.1~a.ns~ns.svc.cluster.local" }));

    private static Proxy WithIdleTimeout(string value) => new()
    {
        Id = "sidecar~10.0.0.1~a.ns~ns.svc.cluster.local",
        Metadata = new Dictionary<string, string> { ["IDLE_TIMEOUT"] = value }.ToFrozenDictionary(),
    };
}
