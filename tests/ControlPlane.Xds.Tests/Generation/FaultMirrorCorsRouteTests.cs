namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Config.VirtualServices;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Type.V3;
using static ControlPlane.Xds.Tests.Generation.Configs;
using CorsPolicy = ControlPlane.Model.Config.VirtualServices.CorsPolicy;
using EnvoyCorsPolicy = Envoy.Extensions.Filters.Http.Cors.V3.CorsPolicy;

/// <summary>VirtualService fault, mirror and corsPolicy on Envoy sidecar routes, as istiod's <c>translateRoute</c> emits them.</summary>
public sealed class FaultMirrorCorsRouteTests
{
    private const string ReviewsHost = "reviews.default.svc.cluster.local:9080";
    private const string FaultFilter = "envoy.filters.http.fault";
    private const string CorsFilter = "envoy.filters.http.cors";

    [Fact]
    public void Fault_becomes_per_route_http_fault_with_istiods_fractions()
    {
        var fault = new HttpFaultInjection(
            new HttpFaultDelay(TimeSpan.FromMilliseconds(300), 0.1),
            new HttpFaultAbort(null, 14, 50));
        var route = Single(new HttpRoute { Route = [To("reviews")], Fault = fault });

        var config = route.TypedPerFilterConfig[FaultFilter].Unpack<HTTPFault>();
        Assert.Equal(0.3, config.Delay.FixedDelay.ToTimeSpan().TotalSeconds, 6);
        Assert.Equal((1000u, FractionalPercent.Types.DenominatorType.Million), (config.Delay.Percentage.Numerator, config.Delay.Percentage.Denominator));
        Assert.Equal(14u, config.Abort.GrpcStatus);
        Assert.Equal((500000u, FractionalPercent.Types.DenominatorType.Million), (config.Abort.Percentage.Numerator, config.Abort.Percentage.Denominator));
        Assert.False(route.TypedPerFilterConfig.ContainsKey(CorsFilter));
    }

    [Fact]
    public void Legacy_delay_percent_is_per_hundred_and_an_abort_without_percentage_leaves_it_unset()
    {
        var fault = new HttpFaultInjection(new HttpFaultDelay(TimeSpan.FromSeconds(2), null, 30), new HttpFaultAbort(503, null, null));

        var config = Single(new HttpRoute { Route = [To("reviews")], Fault = fault }).TypedPerFilterConfig[FaultFilter].Unpack<HTTPFault>();

        Assert.Equal((30u, FractionalPercent.Types.DenominatorType.Hundred), (config.Delay.Percentage.Numerator, config.Delay.Percentage.Denominator));
        Assert.Equal(503u, config.Abort.HttpStatus);
        Assert.Null(config.Abort.Percentage);
    }

    [Fact]
    public void A_fault_with_nothing_translatable_still_attaches_an_empty_config_as_istiod_does()
    {
        var fault = new HttpFaultInjection(new HttpFaultDelay(null, 10), new HttpFaultAbort(null, null, 10));

        var config = Single(new HttpRoute { Route = [To("reviews")], Fault = fault }).TypedPerFilterConfig[FaultFilter].Unpack<HTTPFault>();

        Assert.Equal(new HTTPFault(), config);
    }

    [Fact]
    public void Mirrors_become_request_mirror_policies_named_like_destinations()
    {
        var route = Single(new HttpRoute
        {
            Route = [To("reviews", "v1")],
            Mirrors =
            [
                new HttpMirrorPolicy(new Destination("ratings", "v2")),
                new HttpMirrorPolicy(new Destination("shadow.example.com"), 12.5),
                new HttpMirrorPolicy(new Destination("details", Port: 9999), LegacyPercent: 40),
                new HttpMirrorPolicy(new Destination("productpage"), 0),
            ],
        });

        var policies = route.Route_.RequestMirrorPolicies;
        Assert.Equal(
            ["outbound|9080|v2|ratings.default.svc.cluster.local", "outbound|9080||shadow.example.com", "outbound|9999||details.default.svc.cluster.local"],
            policies.Select(p => p.Cluster));
        Assert.Equal(
            [(100u, FractionalPercent.Types.DenominatorType.Hundred), (125000u, FractionalPercent.Types.DenominatorType.Million), (40u, FractionalPercent.Types.DenominatorType.Hundred)],
            policies.Select(p => (p.RuntimeFraction.DefaultValue.Numerator, p.RuntimeFraction.DefaultValue.Denominator)));
        Assert.All(policies, p => Assert.False(p.TraceSampled));
        Assert.Equal("outbound|9080|v1|reviews.default.svc.cluster.local", route.Route_.Cluster);
    }

    [Fact]
    public void Cors_policy_becomes_per_route_cors_config()
    {
        var cors = new CorsPolicy
        {
            AllowOrigins = [Exact("https://a.example"), Regex(".*\\.b\\.example")],
            AllowMethods = ["GET", "POST"],
            AllowHeaders = ["x-a", "x-b"],
            ExposeHeaders = ["x-c"],
            MaxAge = TimeSpan.FromHours(1),
            AllowCredentials = false,
        };

        var route = Single(new HttpRoute { Route = [To("reviews")], CorsPolicy = cors });

        var config = route.TypedPerFilterConfig[CorsFilter].Unpack<EnvoyCorsPolicy>();
        Assert.Equal(["https://a.example", ""], config.AllowOriginStringMatch.Select(m => m.Exact));
        Assert.Equal(".*\\.b\\.example", config.AllowOriginStringMatch[1].SafeRegex.Regex);
        Assert.Equal(("GET,POST", "x-a,x-b", "x-c", "3600"), (config.AllowMethods, config.AllowHeaders, config.ExposeHeaders, config.MaxAge));
        Assert.Equal((false, true), (config.AllowCredentials, config.ForwardNotMatchingPreflights));
        Assert.Equal((100u, FractionalPercent.Types.DenominatorType.Hundred), (config.FilterEnabled.DefaultValue.Numerator, config.FilterEnabled.DefaultValue.Denominator));
    }

    [Fact]
    public void Cors_without_optional_fields_leaves_them_unset_and_ignore_stops_forwarding_preflights()
    {
        var route = Single(new HttpRoute { Route = [To("reviews")], CorsPolicy = new CorsPolicy { IgnoreUnmatchedPreflights = true } });

        var config = route.TypedPerFilterConfig[CorsFilter].Unpack<EnvoyCorsPolicy>();
        Assert.Null(config.AllowCredentials);
        Assert.Equal(("", ""), (config.MaxAge, config.AllowMethods));
        Assert.False(config.ForwardNotMatchingPreflights);
    }

    [Fact]
    public void Every_match_of_a_rule_carries_the_rules_fault_and_cors()
    {
        var fault = new HttpFaultInjection(null, new HttpFaultAbort(500, null, 100));
        var routes = Routes(
            new HttpRoute { Match = [Match(Prefix("/a")), Match(Prefix("/b"))], Route = [To("reviews")], Fault = fault, CorsPolicy = new CorsPolicy() },
            new HttpRoute { Route = [To("reviews")] });

        Assert.Equal(3, routes.Count);
        Assert.All(routes.Take(2), r => Assert.Equal([FaultFilter, CorsFilter], r.TypedPerFilterConfig.Keys));
        Assert.Empty(routes[2].TypedPerFilterConfig);
    }

    private static Route Single(HttpRoute rule) => Assert.Single(Routes(rule));

    private static List<Route> Routes(params HttpRoute[] rules)
    {
        var mesh = Bookinfo.Mesh().Config(Virtual("reviews", "reviews", rules)).Build();
        return [.. Generate.Route(mesh, Bookinfo.Productpage(mesh), "9080").VirtualHosts.Single(v => v.Name == ReviewsHost).Routes];
    }
}
