namespace ControlPlane.Xds.Tests.Generation.Routes;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>The VirtualService fields istiod translates that were missing before, in the Envoy form istiod gives them.</summary>
public sealed class VirtualServiceFieldRouteTests
{
    private const string ReviewsHost = "reviews.default.svc.cluster.local:9080";

    [Fact]
    public void Derive_port_from_request_uses_the_listener_port_and_protocol_default_sets_none()
    {
        var routes = ReviewsRoutes(Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Prefix("/a"))], Redirect = new HttpRedirect("/x", "", 0) { DerivePort = RedirectPortSelection.FromRequestPort } },
            new HttpRoute { Match = [Match(Prefix("/b"))], Redirect = new HttpRedirect("/x", "", 0) { DerivePort = RedirectPortSelection.FromProtocolDefault, Port = 8443 } },
            new HttpRoute { Match = [Match(Prefix("/c"))], Redirect = new HttpRedirect("/x", "", 0) { Scheme = "https", DerivePort = RedirectPortSelection.FromRequestPort } }));

        Assert.Equal(9080u, routes[0].Redirect.PortRedirect);
        Assert.Equal(0u, routes[1].Redirect.PortRedirect);
        Assert.Equal(9080u, routes[2].Redirect.PortRedirect);
        Assert.Equal("https", routes[2].Redirect.SchemeRedirect);
    }

    [Fact]
    public void Direct_response_bytes_become_inline_bytes()
    {
        var routes = ReviewsRoutes(Virtual(
            "reviews",
            "reviews",
            new HttpRoute { DirectResponse = new HttpDirectResponse(200) { BodyBytes = [0x00, 0xff, 0x41] } }));

        var body = routes[0].DirectResponse.Body;
        Assert.Equal(Envoy.Config.Core.V3.DataSource.SpecifierOneofCase.InlineBytes, body.SpecifierCase);
        Assert.Equal(new byte[] { 0x00, 0xff, 0x41 }, body.InlineBytes.ToByteArray());
    }

    [Fact]
    public void Uri_regex_rewrite_becomes_regex_rewrite()
    {
        var routes = ReviewsRoutes(Virtual(
            "reviews",
            "reviews",
            new HttpRoute
            {
                Route = [To("reviews")],
                Rewrite = new HttpRewrite("", "backend") { UriRegexRewrite = new RegexRewrite("^/service/([^/]+)(/.*)$", "\\2/instance/\\1") },
            }));

        var action = routes[0].Route_;
        Assert.Equal("^/service/([^/]+)(/.*)$", action.RegexRewrite.Pattern.Regex);
        Assert.Equal("\\2/instance/\\1", action.RegexRewrite.Substitution);
        Assert.Equal("", action.PrefixRewrite);
        Assert.Equal("backend", action.HostRewriteLiteral);
    }

    [Fact]
    public void Retry_backoff_and_ignore_previous_hosts_override_the_defaults()
    {
        var routes = ReviewsRoutes(Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Prefix("/a"))], Route = [To("reviews")], Retries = new HttpRetry(3, null, null) { Backoff = TimeSpan.FromMilliseconds(250), RetryIgnorePreviousHosts = false } },
            new HttpRoute { Route = [To("reviews")], Retries = new HttpRetry(3, null, null) }));

        var tuned = routes[0].Route_.RetryPolicy;
        Assert.Empty(tuned.RetryHostPredicate);
        Assert.Equal(250_000_000, tuned.RetryBackOff.BaseInterval.Nanos);
        Assert.Null(tuned.RetryBackOff.MaxInterval);
        var plain = routes[1].Route_.RetryPolicy;
        Assert.Equal("envoy.retry_host_predicates.previous_hosts", Assert.Single(plain.RetryHostPredicate).Name);
        Assert.Null(plain.RetryBackOff);
    }

    [Fact]
    public void Ignore_previous_hosts_true_adds_the_predicate_even_with_consistent_hashing()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user" } },
        };
        var vs = Virtual("reviews", "reviews", new HttpRoute { Route = [To("reviews")], Retries = new HttpRetry(2, null, null) { RetryIgnorePreviousHosts = true } });
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy), vs).Build();
        var route = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes.Single();

        Assert.Single(route.Route_.HashPolicy);
        Assert.Equal("envoy.retry_host_predicates.previous_hosts", Assert.Single(route.Route_.RetryPolicy.RetryHostPredicate).Name);
    }

    [Fact]
    public void Stat_prefix_of_a_match_becomes_the_routes_stat_prefix()
    {
        var routes = ReviewsRoutes(Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Prefix("/a")) with { StatPrefix = "reviews-a" }, Match(Prefix("/b"))], Route = [To("reviews")] }));

        Assert.Equal("reviews-a", routes[0].StatPrefix);
        Assert.Equal("", routes[1].StatPrefix);
    }

    private static List<Route> ReviewsRoutes(params Model.Config.IstioConfig[] configs)
    {
        var mesh = Bookinfo.Mesh().Config(configs).Build();
        return [.. Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes];
    }
}
