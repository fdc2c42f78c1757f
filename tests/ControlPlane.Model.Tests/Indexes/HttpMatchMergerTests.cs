namespace ControlPlane.Model.Tests.Indexes;

using System.Collections.Frozen;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>istiod's <c>stringMatchConflict</c> and <c>hasConflict</c>, case by case.</summary>
public sealed class HttpMatchMergerTests
{
    [Theory]
    [InlineData("exact:/a", "exact:/a", false)]
    [InlineData("exact:/a", "exact:/b", true)]
    [InlineData("exact:/a", "prefix:/a", true)]
    [InlineData("prefix:/a", "prefix:/a/b", false)]
    [InlineData("prefix:/a/b", "prefix:/a", true)]
    [InlineData("prefix:/a", "exact:/a/x", false)]
    [InlineData("prefix:/a", "exact:/b", true)]
    [InlineData("regex:/a.*", "exact:/a", true)]
    [InlineData("prefix:/a", "regex:/a.*", true)]
    [InlineData("exact:", "exact:", true)]
    [InlineData(null, "regex:.*", false)]
    [InlineData("regex:.*", null, false)]
    public void String_matches_conflict_as_in_istiod(string? root, string? leaf, bool conflict) =>
        Assert.Equal(conflict, HttpMatchMerger.StringMatchConflict(Parse(root), Parse(leaf)));

    [Fact]
    public void Source_and_port_conditions_must_fit_inside_the_root()
    {
        var root = new HttpMatchRequest
        {
            Port = 80,
            SourceNamespace = "shop",
            SourceLabels = new Dictionary<string, string> { ["app"] = "web" }.ToFrozenDictionary(),
            Gateways = ["mesh", "edge/gw"],
        };

        Assert.False(HttpMatchMerger.HasConflict(root, new HttpMatchRequest { Port = 80, SourceNamespace = "shop", Gateways = ["mesh"] }));
        Assert.True(HttpMatchMerger.HasConflict(root, new HttpMatchRequest { Port = 81 }));
        Assert.True(HttpMatchMerger.HasConflict(root, new HttpMatchRequest()), "the root's sourceNamespace must be repeated");
        Assert.True(HttpMatchMerger.HasConflict(root, new HttpMatchRequest { SourceNamespace = "shop", Gateways = ["other/gw"] }));
        Assert.True(HttpMatchMerger.HasConflict(
            root,
            new HttpMatchRequest { SourceNamespace = "shop", SourceLabels = new Dictionary<string, string> { ["app"] = "db" }.ToFrozenDictionary() }));
        Assert.True(HttpMatchMerger.HasConflict(new HttpMatchRequest(), new HttpMatchRequest { IgnoreUriCase = true }));
    }

    [Fact]
    public void Every_delegate_match_needs_a_root_match_that_allows_it()
    {
        var root = new HttpMatchRequest[] { new() { Uri = Parse("prefix:/a") }, new() { Uri = Parse("prefix:/b") } };

        var merged = HttpMatchMerger.Merge([.. root], [new HttpMatchRequest { Uri = Parse("prefix:/a/1") }, new HttpMatchRequest()]);
        var conflict = HttpMatchMerger.Merge([.. root], [new HttpMatchRequest { Uri = Parse("prefix:/a/1") }, new HttpMatchRequest { Uri = Parse("prefix:/c") }]);

        // The empty delegate match fits both root matches, so it yields two merged matches.
        Assert.Equal(["/a/1", "/a", "/b"], merged!.Value.Select(m => m.Uri!.Value));
        Assert.Null(conflict);
    }

    private static StringMatch? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':', 2);
        var kind = parts[0] switch { "exact" => StringMatchKind.Exact, "prefix" => StringMatchKind.Prefix, _ => StringMatchKind.Regex };
        return new StringMatch(kind, parts[1]);
    }
}
