namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Xds.Generation.Filters;

/// <summary>The proxy's <c>IDLE_TIMEOUT</c> metadata is read in Go's <c>time.ParseDuration</c> form, as istiod reads it.</summary>
public sealed class ProxyIdleTimeoutTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("90s", 90_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData(".5s", 500)]
    [InlineData("300ms", 300)]
    [InlineData("+2m", 120_000)]
    public void Go_durations_parse_to_the_same_length(string text, long milliseconds)
    {
        Assert.True(ProxyIdleTimeout.TryParseGoDuration(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("1x")]
    [InlineData(".s")]
    [InlineData("-1s")]
    [InlineData("1.2.3s")]
    public void Text_go_rejects_or_a_negative_value_gives_no_timeout(string text)
    {
        Assert.False(ProxyIdleTimeout.TryParseGoDuration(text, out _));
    }
}
