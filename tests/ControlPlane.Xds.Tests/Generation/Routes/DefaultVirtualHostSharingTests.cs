namespace ControlPlane.Xds.Tests.Generation.Routes;

using ControlPlane.Testing.Mesh;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// Generate once, send many, below the resource level: the virtual host of a service port without a VirtualService is
/// one instance in every route configuration that includes it unchanged, and a configuration that must change it gets a
/// copy, never the shared one changed.
/// </summary>
public sealed class DefaultVirtualHostSharingTests
{
    private const string RatingsHost = "ratings.default.svc.cluster.local:9080";

    [Fact]
    public void Proxies_in_other_namespaces_share_one_virtual_host_and_the_services_namespace_gets_its_own()
    {
        var mesh = Bookinfo.Mesh().Service("caller", "team", s => s.Port("http", 8000)).Service("caller", "db", s => s.Port("http", 8000)).Build();
        var cache = new SharedResourceCache();

        var team = Ratings(mesh, mesh.Sidecar("caller-a", "team", "10.1.1.1"), cache);
        var db = Ratings(mesh, mesh.Sidecar("caller-b", "db", "10.1.1.2"), cache);
        var own = Ratings(mesh, Bookinfo.Productpage(mesh), cache);

        Assert.Same(team, db);
        Assert.NotSame(team, own);
        Assert.Equal(["ratings.default.svc.cluster.local", "ratings.default", "ratings.default.svc", "10.96.0.12"], team.Domains);
        Assert.Equal(["ratings.default.svc.cluster.local", "ratings", "ratings.default.svc", "ratings.default", "10.96.0.12"], own.Domains);
    }

    [Fact]
    public void A_domain_taken_by_an_earlier_virtual_host_gives_a_copy_and_leaves_the_shared_one_whole()
    {
        // The VirtualService's extra host is no registry service but is a short form of ratings, and it is placed first.
        var vs = Virtual("short-ratings", Bookinfo.Reviews, Route(To(Bookinfo.Reviews))) with { Hosts = [Bookinfo.Reviews, "ratings.default"] };
        var mesh = Bookinfo.Mesh().Config(vs).Build();
        var proxy = mesh.Sidecar("caller-a", "team", "10.1.1.1");
        var cache = new SharedResourceCache();

        var config = Config(mesh, proxy, cache);
        var ratings = config.VirtualHosts.Single(v => v.Name == RatingsHost);
        var context = Generate.Context(mesh, proxy);
        var service = ScopedServices.Find(context.Scope, "ratings.default.svc.cluster.local", "team")!;
        var shared = cache.Caches.DefaultVirtualHosts.GetOrBuild(
            new DefaultVirtualHostInputs(new(service), 9080, new ProxyDomainView("team.svc.cluster.local").For(service.Hostname), new(null)),
            _ => throw new InvalidOperationException("the route configuration did not use the shared virtual host"));

        Assert.Contains("ratings.default", config.VirtualHosts.Single(v => v.Name == "ratings.default:9080").Domains);
        Assert.Equal(["ratings.default.svc.cluster.local", "ratings.default.svc", "10.96.0.12"], ratings.Domains);
        Assert.NotSame(shared.Host, ratings);
        Assert.Equal(["ratings.default.svc.cluster.local", "ratings.default", "ratings.default.svc", "10.96.0.12"], shared.Host.Domains);
        Assert.Same(shared.Route, Assert.Single(ratings.Routes));
    }

    private static VirtualHost Ratings(BuiltMesh mesh, Model.Proxies.Proxy proxy, SharedResourceCache cache) =>
        Config(mesh, proxy, cache).VirtualHosts.Single(v => v.Name == RatingsHost);

    private static RouteConfiguration Config(BuiltMesh mesh, Model.Proxies.Proxy proxy, SharedResourceCache cache) =>
        OutboundRouteConfigBuilder.Build(Generate.Context(mesh, proxy) with { Caches = cache.Caches }, "9080");

    private static Model.Config.VirtualServices.HttpRoute Route(Model.Config.VirtualServices.HttpRouteDestination to) => new() { Route = [to] };
}
