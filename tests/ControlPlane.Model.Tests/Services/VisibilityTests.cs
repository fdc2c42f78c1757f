namespace ControlPlane.Model.Tests.Services;

using ControlPlane.Model.Services;

public sealed class VisibilityTests
{
    [Fact]
    public void Default_is_visible_everywhere() =>
        Assert.True(Visibility.Parse(null).IsVisibleFrom("a", "b"));

    [Fact]
    public void Dot_is_own_namespace_only()
    {
        var dot = Visibility.Parse(["."]);
        Assert.True(dot.IsVisibleFrom("a", "a"));
        Assert.False(dot.IsVisibleFrom("a", "b"));
    }

    [Fact]
    public void Tilde_hides_from_everyone_including_own_namespace()
    {
        var none = Visibility.Parse(["~"]);
        Assert.False(none.IsVisibleFrom("a", "a"));
        Assert.False(none.IsVisibleFrom("a", "b"));
    }

    [Fact]
    public void Named_namespaces_combine_with_dot()
    {
        var some = Visibility.Parse([".", "b"]);
        Assert.True(some.IsVisibleFrom("a", "a"));
        Assert.True(some.IsVisibleFrom("a", "b"));
        Assert.False(some.IsVisibleFrom("a", "c"));
    }
}
