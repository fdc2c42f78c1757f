namespace ControlPlane.Model.Tests.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Mesh;

/// <summary>Delegate VirtualServices are resolved into their roots when the index is built, as istiod merges them.</summary>
public sealed class VirtualServiceDelegationTests
{
    private const string Host = "reviews.shop.svc.cluster.local";

    [Fact]
    public void Delegate_rules_replace_the_root_rule_with_matches_anded_and_root_settings_inherited()
    {
        var root = Root("shop", new HttpRoute
        {
            Name = "api",
            Match = [new HttpMatchRequest { Name = "m", Uri = Prefix("/api"), Headers = Headers(("x-team", Exact("a"))) }],
            Timeout = TimeSpan.FromSeconds(5),
            Delegate = new VirtualServiceDelegate("api"),
        });
        var api = Delegate("api", "shop", [],
            new HttpRoute { Name = "v2", Match = [new HttpMatchRequest { Uri = Prefix("/api/v2"), Headers = Headers(("x-user", Exact("b"))) }], Route = [To("reviews", "v2")] },
            new HttpRoute { Match = [new HttpMatchRequest { Name = "health", Uri = Exact("/api/health") }], Route = [To("reviews")], Timeout = TimeSpan.FromSeconds(1) });

        var entry = Assert.Single(Index(root, api).All);

        Assert.Equal(root.Key, entry.Config.Key);
        Assert.Equal(["api-v2", "api"], entry.Config.Http.Select(r => r.Name));
        var first = Assert.Single(entry.Config.Http[0].Match);
        Assert.Equal("m", first.Name);
        Assert.Equal(Prefix("/api/v2"), first.Uri);
        Assert.Equal(["x-team", "x-user"], first.Headers.Keys.Order());
        Assert.Equal(TimeSpan.FromSeconds(5), entry.Config.Http[0].Timeout);
        Assert.Equal("m-health", entry.Config.Http[1].Match[0].Name);
        Assert.Equal(TimeSpan.FromSeconds(1), entry.Config.Http[1].Timeout);
        Assert.All(entry.Config.Http, r => Assert.Null(r.Delegate));
        Assert.Equal([new ConfigKey(ConfigKind.VirtualService, "shop", "api")], entry.Delegates.ToArray());
    }

    [Fact]
    public void A_delegate_rule_whose_match_falls_outside_the_root_match_is_dropped()
    {
        var root = Root("shop", new HttpRoute { Match = [new HttpMatchRequest { Uri = Prefix("/api") }], Delegate = new VirtualServiceDelegate("api") });
        var api = Delegate("api", "shop", [],
            new HttpRoute { Name = "outside", Match = [new HttpMatchRequest { Uri = Prefix("/web") }], Route = [To("web")] },
            new HttpRoute { Name = "regex", Match = [new HttpMatchRequest { Uri = new StringMatch(StringMatchKind.Regex, "/api/.*") }], Route = [To("web")] },
            new HttpRoute { Name = "inside", Match = [new HttpMatchRequest { Uri = Prefix("/api/x") }], Route = [To("reviews")] },
            new HttpRoute { Name = "no-match", Route = [To("reviews")] });

        var entry = Assert.Single(Index(root, api).All);

        Assert.Equal(["inside", "no-match"], entry.Config.Http.Select(r => r.Name));
        Assert.Equal(Prefix("/api"), entry.Config.Http[1].Match[0].Uri);
    }

    [Fact]
    public void A_delegate_in_another_namespace_is_merged_only_when_exported_to_the_roots_namespace()
    {
        Func<string, HttpRoute[]> rules = ns => [new HttpRoute { Delegate = new VirtualServiceDelegate("api", "books") }, new HttpRoute { Name = "rest", Route = [To("reviews")] }];
        var exported = Delegate("api", "books", ["shop"], new HttpRoute { Name = "d", Route = [To("details")] });
        var privateOnly = exported with { ExportTo = ["."] };

        var merged = Assert.Single(Index(Root("shop", rules("shop")), exported).All);
        var hidden = Assert.Single(Index(Root("shop", rules("shop")), privateOnly).All);

        Assert.Equal(["d", "rest"], merged.Config.Http.Select(r => r.Name));
        // istiod resolves the delegate's short names in the delegate's own namespace.
        Assert.Equal("details.books.svc.cluster.local", merged.Config.Http[0].Route[0].Destination.Host);
        Assert.Equal(["rest"], hidden.Config.Http.Select(r => r.Name));
        Assert.Equal([new ConfigKey(ConfigKind.VirtualService, "books", "api")], hidden.Delegates.ToArray());
    }

    [Fact]
    public void A_missing_delegate_drops_only_its_rule_but_stays_a_dependency()
    {
        var root = Root("shop", new HttpRoute { Delegate = new VirtualServiceDelegate("gone") }, new HttpRoute { Name = "rest", Route = [To("reviews")] });

        var entry = Assert.Single(Index(root).All);

        Assert.Equal(["rest"], entry.Config.Http.Select(r => r.Name));
        Assert.Equal([new ConfigKey(ConfigKind.VirtualService, "shop", "gone")], entry.Delegates.ToArray());
    }

    [Fact]
    public void Delegation_does_not_chain_and_a_virtual_service_with_hosts_is_no_delegate()
    {
        var root = Root("shop", new HttpRoute { Delegate = new VirtualServiceDelegate("first") }, new HttpRoute { Delegate = new VirtualServiceDelegate("hosted") });
        var first = Delegate("first", "shop", [],
            new HttpRoute { Name = "chained", Delegate = new VirtualServiceDelegate("second") },
            new HttpRoute { Name = "own", Route = [To("reviews")] });
        var second = Delegate("second", "shop", [], new HttpRoute { Name = "deep", Route = [To("reviews")] });
        var hosted = new VirtualService { Meta = Meta("hosted", "shop"), Hosts = ["other"], Http = [new HttpRoute { Name = "hosted", Route = [To("other")] }] };

        var index = Index(root, first, second, hosted);

        Assert.Equal(["own"], index.All.Single(e => e.Config.Key == root.Key).Config.Http.Select(r => r.Name));
        Assert.Equal(["hosted", "root"], index.All.Select(e => e.Config.Meta.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Delegates_are_never_served_on_their_own()
    {
        var api = Delegate("api", "shop", [], new HttpRoute { Route = [To("reviews")] });
        var index = Index(Root("shop", new HttpRoute { Delegate = new VirtualServiceDelegate("api") }), api);

        Assert.DoesNotContain(index.All, e => e.Config.Key == api.Key);
        Assert.DoesNotContain(index.Mesh, e => e.Config.Key == api.Key);
        Assert.Single(index.ForMeshHost(Host, "shop"));
        Assert.Single(index.MeshWithExactHost(Host));
    }

    [Fact]
    public void Sidecars_see_private_then_exported_then_public_virtual_services_each_oldest_then_by_name()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        VirtualService Vs(string name, string ns, DateTimeOffset created, params string[] exportTo) => new()
        {
            Meta = new ConfigMeta { Name = name, Namespace = ns, CreationTimestamp = created },
            Hosts = [Host],
            ExportTo = [.. exportTo],
            Http = [new HttpRoute { Route = [To(Host)] }],
        };

        var index = Index(
            Vs("public-b", "other", t0),
            Vs("public-a", "zzz", t0),
            Vs("exported", "other", t0.AddHours(1), "shop"),
            Vs("private", "shop", t0.AddHours(2), "."));

        Assert.Equal(["private", "exported", "public-a", "public-b"], index.ForMeshHost(Host, "shop").Select(e => e.Config.Meta.Name));
        // Exported to shop only, so not even visible in its own namespace.
        Assert.Equal(["public-a", "public-b"], index.ForMeshHost(Host, "other").Select(e => e.Config.Meta.Name));
    }

    private static VirtualServiceIndex Index(params VirtualService[] virtualServices) => new(virtualServices, MeshConfig.Default);

    private static VirtualService Root(string ns, params HttpRoute[] http) => new() { Meta = Meta("root", ns), Hosts = ["reviews"], Http = [.. http] };

    private static VirtualService Delegate(string name, string ns, string[] exportTo, params HttpRoute[] http) =>
        new() { Meta = Meta(name, ns), ExportTo = [.. exportTo], Http = [.. http] };

    private static ConfigMeta Meta(string name, string ns) => TestMesh.Meta(name, ns);

    private static HttpRouteDestination To(string host, string subset = "") => new(new Destination(host, subset), 0);

    private static StringMatch Prefix(string value) => new(StringMatchKind.Prefix, value);

    private static StringMatch Exact(string value) => new(StringMatchKind.Exact, value);

    private static ImmutableDictionary<string, StringMatch> Headers(params (string Name, StringMatch Match)[] headers) =>
        headers.ToImmutableDictionary(h => h.Name, h => h.Match);
}
