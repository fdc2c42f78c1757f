namespace ControlPlane.Xds.Tests.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>What a sidecar receives for a root VirtualService: the delegate's rules, merged under the root's.</summary>
public sealed class DelegateRouteTests
{
    private const string ReviewsHost = "reviews.default.svc.cluster.local:9080";

    [Fact]
    public void Delegated_rules_become_routes_with_the_roots_match_and_metadata()
    {
        var root = Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Name = "api", Match = [Match(Prefix("/api"))], Timeout = TimeSpan.FromSeconds(7), Delegate = new VirtualServiceDelegate("reviews-api", "team") },
            new HttpRoute { Name = "rest", Route = [To("reviews", "v1")] });
        var api = new VirtualService
        {
            Meta = Meta("reviews-api", "team"),
            ExportTo = ["default"],
            Http =
            [
                new HttpRoute { Name = "v2", Match = [Match(Prefix("/api/v2"))], Route = [To("reviews.default.svc.cluster.local", "v2")] },
                new HttpRoute { Name = "elsewhere", Match = [Match(Prefix("/web"))], Route = [To("reviews.default.svc.cluster.local", "v3")] },
                new HttpRoute { Name = "all", Route = [To("reviews.default.svc.cluster.local", "v1")] },
            ],
        };

        var routes = ReviewsRoutes(root, api);

        Assert.Equal(["api-v2", "api-all", "rest"], routes.Select(r => r.Name));
        Assert.Equal("/api/v2", routes[0].Match.Prefix);
        Assert.Equal("outbound|9080|v2|reviews.default.svc.cluster.local", routes[0].Route_.Cluster);
        Assert.Equal(7, routes[0].Route_.Timeout.Seconds);
        Assert.Equal("/api", routes[1].Match.Prefix);
        Assert.Equal("/", routes[2].Match.Prefix);
        Assert.All(routes, r => Assert.Equal(
            "/apis/networking.istio.io/v1/namespaces/default/virtual-service/reviews",
            r.Metadata.FilterMetadata["istio"].Fields["config"].StringValue));
    }

    [Fact]
    public void An_unexported_delegate_leaves_only_the_roots_own_rules()
    {
        var root = Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Prefix("/api"))], Delegate = new VirtualServiceDelegate("reviews-api", "team") },
            new HttpRoute { Name = "rest", Route = [To("reviews", "v1")] });
        var api = new VirtualService { Meta = Meta("reviews-api", "team"), ExportTo = ["."], Http = [new HttpRoute { Route = [To("reviews", "v2")] }] };

        Assert.Equal(["rest"], ReviewsRoutes(root, api).Select(r => r.Name));
    }

    [Fact]
    public void A_delegate_alone_produces_no_virtual_host()
    {
        var api = new VirtualService { Meta = Meta("reviews-api"), Http = [new HttpRoute { Name = "orphan", Route = [To("reviews", "v2")] }] };
        var mesh = Bookinfo.Mesh().Config(api).Build();

        var reviews = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost);

        Assert.Equal("default", Assert.Single(reviews.Routes).Name);
    }

    private static List<Route> ReviewsRoutes(params Model.Config.IstioConfig[] configs)
    {
        var mesh = Bookinfo.Mesh().Config(configs).Build();
        return [.. Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes];
    }
}
