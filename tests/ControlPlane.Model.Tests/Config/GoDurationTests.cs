namespace ControlPlane.Model.Tests.Config;

using ControlPlane.Model.Config;

/// <summary>Go's <c>time.ParseDuration</c> form, as Istio accepts durations in YAML and in proxy metadata.</summary>

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1s", 1_000)]
    [InlineData("0.5s", 500)]
    [InlineData("100ms", 100)]
    [InlineData("1h2m3s", 3_723_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("0", 0)]
    [InlineData("250us", 0.25)]
    [InlineData(".5s", 500)]
    [InlineData("+2m", 120_000)]
    public void ValidDurations_Parse(string text, double milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("-1s")]
    [InlineData("1x")]
    [InlineData("s")]
    [InlineData("1..2s")]
    [InlineData("1 s")]
    [InlineData(".s")]
    [InlineData("1.2.3s")]
    public void InvalidDurations_AreRefused(string text) => Assert.False(GoDuration.TryParse(text, out _));
}
