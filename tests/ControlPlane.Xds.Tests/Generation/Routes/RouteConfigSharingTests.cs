namespace ControlPlane.Xds.Tests.Generation.Routes;

using System.Collections.Frozen;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Testing.Mesh;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// Generate once, send many, for route configurations: proxies that differ only in what no route looks at (pod, IP,
/// labels without a <c>sourceLabels</c> match) get the one cached configuration; a label a route matches on, a
/// namespace or a different scope gets its own, and every proxy gets what fresh generation gives it.
/// </summary>
public sealed class RouteConfigSharingTests
{
    [Fact]
    public void Replicas_share_one_route_configuration()
    {
        var mesh = Bookinfo.Mesh().Build();
        var cache = new SharedResourceCache();
        var first = mesh.Sidecar("productpage-v1-abc", Bookinfo.Ns, "10.1.0.10", ("app", "productpage"), ("pod-template-hash", "abc"));
        var second = mesh.Sidecar("productpage-v1-def", Bookinfo.Ns, "10.1.0.11", ("app", "productpage"), ("pod-template-hash", "def"));

        var a = Generated(mesh, first, cache);
        var b = Generated(mesh, second, cache);

        Assert.Same(a.Resource, b.Resource);
        Assert.Equal(Fresh(mesh, second), b.Resource.Value);
    }

    [Fact]
    public void A_route_matching_source_labels_keeps_callers_with_different_labels_apart()
    {
        var jason = new HttpRoute
        {
            Match = [new HttpMatchRequest { SourceLabels = new Dictionary<string, string> { ["app"] = "productpage" }.ToFrozenDictionary() }],
            Route = [To(Bookinfo.Reviews, "v2")],
        };
        var mesh = Bookinfo.Mesh().Config(Virtual("reviews", Bookinfo.Reviews, jason, new HttpRoute { Route = [To(Bookinfo.Reviews, "v1")] })).Build();
        var cache = new SharedResourceCache();
        var productpage = mesh.Sidecar("productpage-v1-abc", Bookinfo.Ns, "10.1.0.10", ("app", "productpage"));
        var ratings = mesh.Sidecar("ratings-v1-abc", Bookinfo.Ns, "10.1.0.31", ("app", "ratings"));

        var forProductpage = Generated(mesh, productpage, cache);
        var forRatings = Generated(mesh, ratings, cache);

        Assert.NotSame(forProductpage.Resource, forRatings.Resource);
        Assert.Equal(Fresh(mesh, productpage), forProductpage.Resource.Value);
        Assert.Equal(Fresh(mesh, ratings), forRatings.Resource.Value);
        Assert.Equal("outbound|9080|v2|reviews.default.svc.cluster.local", ReviewsRoutes(forProductpage)[0].Route_.Cluster);
        Assert.Equal("outbound|9080|v1|reviews.default.svc.cluster.local", ReviewsRoutes(forRatings)[0].Route_.Cluster);
    }

    [Fact]
    public void Proxies_in_other_namespaces_get_their_own_configuration()
    {
        var mesh = Bookinfo.Mesh().Build();
        var cache = new SharedResourceCache();
        var inDefault = Bookinfo.Productpage(mesh);
        var inTeam = mesh.Sidecar("caller-abc", "team", "10.1.1.1", ("app", "productpage"), ("version", "v1"));

        var a = Generated(mesh, inDefault, cache);
        var b = Generated(mesh, inTeam, cache);

        Assert.NotSame(a.Resource, b.Resource);
        Assert.Equal(Fresh(mesh, inTeam), b.Resource.Value);
    }

    private static NamedResource Generated(BuiltMesh mesh, Model.Proxies.Proxy proxy, SharedResourceCache cache) =>
        new RouteGenerator().Generate(Generate.Context(mesh, proxy, WatchedResources.Of(["9080"])) with { Caches = cache.Caches }).Resources.Single();

    private static Google.Protobuf.ByteString Fresh(BuiltMesh mesh, Model.Proxies.Proxy proxy) =>
        new RouteGenerator().Generate(Generate.Context(mesh, proxy, WatchedResources.Of(["9080"]))).Resources.Single().Resource.Value;

    private static IList<Route> ReviewsRoutes(NamedResource resource) =>
        resource.Resource.Unpack<RouteConfiguration>().VirtualHosts.Single(v => v.Name == Bookinfo.Reviews + ":9080").Routes;
}
