namespace ControlPlane.Xds.Tests.Generation;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Route.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;

public sealed class RouteGeneratorTests
{
    private const string ReviewsHost = "reviews.default.svc.cluster.local:9080";

    [Fact]
    public void Port_route_config_has_one_virtual_host_per_http_service_then_allow_any()
    {
        var mesh = Bookinfo.Mesh().Build();
        var config = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080");

        Assert.Equal("9080", config.Name);
        Assert.False(config.ValidateClusters);
        Assert.True(config.IgnorePortInHostMatching);
        Assert.Equal(1048576u, config.MaxDirectResponseBodySizeBytes);
        Assert.Equal(
            ["productpage.default.svc.cluster.local:9080", "ratings.default.svc.cluster.local:9080", ReviewsHost, "allow_any"],
            config.VirtualHosts.Select(v => v.Name));

        var allowAny = config.VirtualHosts[^1];
        Assert.Equal(["*"], allowAny.Domains);
        Assert.Equal("PassthroughCluster", allowAny.Routes[0].Route_.Cluster);
        Assert.Equal("allow_any", allowAny.Routes[0].Name);
    }

    [Fact]
    public void Default_route_has_istiod_timeouts_and_retry_policy()
    {
        var mesh = Bookinfo.Mesh().Build();
        var host = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost);

        Assert.True(host.IncludeRequestAttemptCount);
        var route = Assert.Single(host.Routes);
        Assert.Equal("default", route.Name);
        Assert.Equal("/", route.Match.Prefix);
        Assert.Null(route.Match.CaseSensitive);
        Assert.Equal("outbound|9080||reviews.default.svc.cluster.local", route.Route_.Cluster);
        Assert.Equal(0, route.Route_.Timeout.Seconds);
#pragma warning disable CS0612
        Assert.Equal(0, route.Route_.MaxGrpcTimeout.Seconds);
#pragma warning restore CS0612
        Assert.Equal("reviews.default.svc.cluster.local:9080/*", route.Decorator.Operation);
        var retry = route.Route_.RetryPolicy;
        Assert.Equal("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes", retry.RetryOn);
        Assert.Equal(2u, retry.NumRetries);
        Assert.Equal(5, retry.HostSelectionRetryMaxAttempts);
        Assert.Empty(retry.RetriableStatusCodes);
        Assert.Equal("envoy.retry_host_predicates.previous_hosts", Assert.Single(retry.RetryHostPredicate).Name);
    }

    [Fact]
    public void Domains_follow_the_proxy_namespace()
    {
        var mesh = Bookinfo.Mesh().Service("details", "other", s => s.Port("http", 9080).Vip("10.96.9.9")).Build();
        var config = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080");

        var same = config.VirtualHosts.Single(v => v.Name == ReviewsHost);
        Assert.Equal(["reviews.default.svc.cluster.local", "reviews", "reviews.default.svc", "reviews.default", "10.96.0.11"], same.Domains);
        var other = config.VirtualHosts.Single(v => v.Name == "details.other.svc.cluster.local:9080");
        Assert.Equal(["details.other.svc.cluster.local", "details.other", "details.other.svc", "10.96.9.9"], other.Domains);
    }

    [Fact]
    public void Registry_only_ends_with_block_all()
    {
        var mesh = Bookinfo.Mesh().Config(new Sidecar { Meta = Meta("default"), OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly }).Build();
        var blockAll = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts[^1];

        Assert.Equal("block_all", blockAll.Name);
        Assert.Equal(502u, blockAll.Routes[0].DirectResponse.Status);
    }

    [Fact]
    public void Virtual_service_matches_translate_to_envoy_matchers()
    {
        var match = new HttpMatchRequest
        {
            Name = "jason",
            Uri = Prefix("/api"),
            Headers = ImmutableDictionary<string, StringMatch>.Empty.Add("x-user", Exact("jason")).Add("x-b", Regex("*")).Add("x-a", Regex("^v[0-9]$")),
            Method = Exact("GET"),
            Authority = Prefix("reviews"),
            QueryParams = ImmutableDictionary<string, StringMatch>.Empty.Add("debug", Exact("1")),
        };
        var vs = Virtual("reviews", "reviews", new HttpRoute { Name = "canary", Match = [match], Route = [To("reviews", "v2")] });
        var route = ReviewsRoutes(vs)[0];

        Assert.Equal("canary.jason", route.Name);
        Assert.Equal("/api", route.Match.Prefix);
        Assert.True(route.Match.CaseSensitive);
        Assert.Equal(["x-a", "x-b", "x-user", ":method", ":authority"], route.Match.Headers.Select(h => h.Name));
        Assert.Equal("^v[0-9]$", route.Match.Headers[0].StringMatch.SafeRegex.Regex);
        Assert.True(route.Match.Headers[1].PresentMatch);
        Assert.Equal("jason", route.Match.Headers[2].StringMatch.Exact);
        Assert.Equal("GET", route.Match.Headers[3].StringMatch.Exact);
        Assert.Equal("reviews", route.Match.Headers[4].StringMatch.Prefix);
        Assert.Equal("1", Assert.Single(route.Match.QueryParameters).StringMatch.Exact);
        Assert.Equal("outbound|9080|v2|reviews.default.svc.cluster.local", route.Route_.Cluster);
        Assert.Equal("/apis/networking.istio.io/v1/namespaces/default/virtual-service/reviews", route.Metadata.FilterMetadata["istio"].Fields["config"].StringValue);
        Assert.Equal("reviews.default.svc.cluster.local:9080/api*", route.Decorator.Operation);
    }

    [Fact]
    public void Uri_exact_and_regex_become_path_and_safe_regex()
    {
        var vs = Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Exact("/health")), Match(Regex("/v[12]/.*"))], Route = [To("reviews")] });
        var routes = ReviewsRoutes(vs);

        Assert.Equal("/health", routes[0].Match.Path);
        Assert.Equal("/v[12]/.*", routes[1].Match.SafeRegex.Regex);
    }

    [Fact]
    public void Weighted_destinations_become_weighted_clusters_without_zero_weights()
    {
        var vs = Virtual("reviews", "reviews", new HttpRoute { Route = [To("reviews", "v1", 90), To("reviews", "v2", 10), To("reviews", "v3", 0)] });
        var route = Assert.Single(ReviewsRoutes(vs));

        Assert.Equal(
            ["outbound|9080|v1|reviews.default.svc.cluster.local", "outbound|9080|v2|reviews.default.svc.cluster.local"],
            route.Route_.WeightedClusters.Clusters.Select(c => c.Name));
        Assert.Equal([90u, 10u], route.Route_.WeightedClusters.Clusters.Select(c => c.Weight));
        Assert.Equal("reviews:9080/*", route.Decorator.Operation);
    }

    [Fact]
    public void Timeouts_and_retries_follow_the_virtual_service()
    {
        var vs = Virtual(
            "reviews",
            "reviews",
            new HttpRoute
            {
                Match = [Match(Prefix("/slow"))],
                Route = [To("reviews")],
                Timeout = TimeSpan.FromSeconds(3),
                Retries = new HttpRetry(4, TimeSpan.FromSeconds(1), "gateway-error,503") { RetryRemoteLocalities = true },
            },
            new HttpRoute { Route = [To("reviews")], Retries = new HttpRetry(0, null, null) });
        var routes = ReviewsRoutes(vs);

        var retry = routes[0].Route_.RetryPolicy;
        Assert.Equal(3, routes[0].Route_.Timeout.Seconds);
#pragma warning disable CS0612
        Assert.Equal(3, routes[0].Route_.MaxGrpcTimeout.Seconds);
#pragma warning restore CS0612
        Assert.Equal(4u, retry.NumRetries);
        Assert.Equal("gateway-error,retriable-status-codes", retry.RetryOn);
        Assert.Equal([503u], retry.RetriableStatusCodes);
        Assert.Equal(1, retry.PerTryTimeout.Seconds);
        Assert.Equal("envoy.retry_priorities.previous_priorities", retry.RetryPriority.Name);
        Assert.Null(routes[1].Route_.RetryPolicy);
    }

    [Fact]
    public void Consistent_hash_adds_a_hash_policy_and_keeps_the_previous_host()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { HttpCookieName = "user", HttpCookieTtl = TimeSpan.FromSeconds(10) } },
        };
        var vs = Virtual("reviews", "reviews", new HttpRoute { Route = [To("reviews")] });
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy), vs).Build();
        var route = Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes.Single();

        var hash = Assert.Single(route.Route_.HashPolicy);
        Assert.Equal("user", hash.Cookie.Name);
        Assert.Equal(10, hash.Cookie.Ttl.Seconds);
        Assert.Empty(route.Route_.RetryPolicy.RetryHostPredicate);
    }

    [Fact]
    public void Redirects_direct_responses_and_header_operations_translate()
    {
        var headers = new HeaderOperations(
            new HeaderOperation(ImmutableDictionary<string, string>.Empty.Add("x-b", "1").Add("x-a", "2").Add("host", "internal"), ImmutableDictionary<string, string>.Empty.Add("x-c", "3"), ["x-remove", ":path"]),
            HeaderOperation.None);
        var vs = Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Match = [Match(Prefix("/old"))], Redirect = new HttpRedirect("/new", "example.com", 302) },
            new HttpRoute { Match = [Match(Prefix("/teapot"))], DirectResponse = new HttpDirectResponse(418, "short and stout") },
            new HttpRoute { Route = [To("reviews")], Headers = headers });
        var routes = ReviewsRoutes(vs);

        Assert.Equal("/new", routes[0].Redirect.PathRedirect);
        Assert.Equal("example.com", routes[0].Redirect.HostRedirect);
        Assert.Equal(RedirectAction.Types.RedirectResponseCode.Found, routes[0].Redirect.ResponseCode);
        Assert.Equal(418u, routes[1].DirectResponse.Status);
        Assert.Equal("short and stout", routes[1].DirectResponse.Body.InlineString);
        Assert.Equal(["x-a", "x-b", "x-c"], routes[2].RequestHeadersToAdd.Select(h => h.Header.Key));
        Assert.Equal(["x-remove"], routes[2].RequestHeadersToRemove);
        Assert.Equal("internal", routes[2].Route_.HostRewriteLiteral);
    }

    [Fact]
    public void Catch_all_route_stops_further_routes()
    {
        var vs = Virtual(
            "reviews",
            "reviews",
            new HttpRoute { Name = "all", Route = [To("reviews", "v1")] },
            new HttpRoute { Name = "never", Match = [Match(Prefix("/x"))], Route = [To("reviews", "v2")] });

        Assert.Equal(["all"], ReviewsRoutes(vs).Select(r => r.Name));
    }

    [Fact]
    public void Sniffed_route_name_gets_only_that_service_for_any_authority()
    {
        var mesh = new MeshBuilder()
            .Service("legacy", "default", s => s.Port("web", 8000).Vip("10.96.5.5"))
            .Service("other", "default", s => s.Port("web", 8000).Vip("10.96.5.6"))
            .Build();
        var config = Generate.Route(mesh, mesh.Sidecar("client", "default", "10.9.9.9"), "legacy.default.svc.cluster.local:8000");

        var host = Assert.Single(config.VirtualHosts);
        Assert.Equal("legacy.default.svc.cluster.local:8000", host.Name);
        Assert.Equal(["*"], host.Domains);
        Assert.Equal("outbound|8000||legacy.default.svc.cluster.local", host.Routes[0].Route_.Cluster);
    }

    [Fact]
    public void Unknown_names_get_an_empty_route_configuration()
    {
        var mesh = Bookinfo.Mesh().Build();
        var config = Generate.Route(mesh, Bookinfo.Productpage(mesh), "http_proxy");

        Assert.Equal("http_proxy", config.Name);
        Assert.Empty(config.VirtualHosts);
        Assert.False(config.ValidateClusters);
    }

    [Fact]
    public void Only_full_pushes_affect_routes()
    {
        var generator = new RouteGenerator();
        Assert.False(generator.IsAffectedBy(Requests.EndpointsOnly()));
        Assert.True(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.VirtualService)));
    }

    private static List<Route> ReviewsRoutes(params Model.Config.IstioConfig[] configs)
    {
        var mesh = Bookinfo.Mesh().Config(configs).Build();
        return [.. Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes];
    }
}
