namespace ControlPlane.Xds.Tests.Proxyless;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Route.V3;
using static ProxylessMesh;

public sealed class ProxylessRouteGeneratorTests
{
    private const string Echo = "echo.interop.svc.cluster.local";
    private const string RouteName = $"outbound|7070||{Echo}";

    private readonly ProxylessRouteGenerator generator = new();

    private static ProxylessMesh EchoMesh() => new ProxylessMesh()
        .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070))
        .With(DestinationRule("echo", "interop", "echo"));

    [Fact]
    public void Without_a_virtual_service_one_default_route_goes_to_the_default_cluster()
    {
        var config = Generate(EchoMesh());

        Assert.Equal(RouteName, config.Name);
        var host = Assert.Single(config.VirtualHosts);
        Assert.Equal($"{Echo}:7070", host.Name);
        Assert.Equal(
            [Echo, $"{Echo}:7070", "echo.interop.svc", "echo.interop.svc:7070", "echo.interop", "echo.interop:7070", "echo", "echo:7070"],
            host.Domains);
        var route = Assert.Single(host.Routes);
        Assert.Equal("default", route.Name);
        Assert.Equal("", route.Match.Prefix);
        Assert.Equal(RouteName, route.Route_.Cluster);
        Assert.Equal("cancelled,unavailable", route.Route_.RetryPolicy.RetryOn);
        Assert.Equal(2u, route.Route_.RetryPolicy.NumRetries);
        Assert.Null(route.Route_.MaxStreamDuration);
    }

    [Fact]
    public void Clients_in_other_namespaces_do_not_get_the_bare_short_name()
    {
        var config = Generate(EchoMesh(), Proxy("payments"));

        Assert.DoesNotContain("echo", config.VirtualHosts[0].Domains);
        Assert.Contains("echo.interop:7070", config.VirtualHosts[0].Domains);
    }

    [Fact]
    public void Weighted_destinations_become_weighted_clusters_with_the_weights_as_written()
    {
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", Rule(To("echo", "v1", 80), To("echo", "v2", 20))));

        var action = Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_;

        Assert.Equal(
            [($"outbound|7070|v1|{Echo}", 80u), ($"outbound|7070|v2|{Echo}", 20u)],
            action.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight!.Value)));
#pragma warning disable CS0612 // total_weight is deprecated; grpc-js 1.14.1 sums the weights, so it must stay unset.
        Assert.Null(action.WeightedClusters.TotalWeight);
#pragma warning restore CS0612
    }

    [Fact]
    public void Zero_weights_are_dropped_and_a_single_destination_is_a_plain_cluster()
    {
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo",
            Rule(To("echo", "v1", 100), To("echo", "v2", 0))));

        var action = Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_;

        Assert.Equal($"outbound|7070|v1|{Echo}", action.Cluster);
        Assert.Null(action.WeightedClusters);
    }

    [Fact]
    public void Header_rules_come_first_in_order_and_the_catch_all_ends_the_list()
    {
        var canary = Rule(To("echo", "v2")) with { Name = "canary", Match = [HeaderMatch("x-canary", StringMatchKind.Exact, "true") with { Name = "hdr" }] };
        var rest = Rule(To("echo", "v1")) with { Name = "rest" };
        var unreachable = Rule(To("echo", "v2")) with { Name = "never" };
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", canary, rest, unreachable));

        var routes = Generate(mesh).VirtualHosts[0].Routes;

        Assert.Equal(["canary.hdr", "rest"], routes.Select(r => r.Name));
        var header = Assert.Single(routes[0].Match.Headers);
        Assert.Equal("x-canary", header.Name);
        Assert.Equal("true", header.StringMatch.Exact);
        Assert.False(header.InvertMatch);
        Assert.Equal($"outbound|7070|v2|{Echo}", routes[0].Route_.Cluster);
        Assert.Equal("", routes[1].Match.Prefix);
        Assert.Equal($"outbound|7070|v1|{Echo}", routes[1].Route_.Cluster);
    }

    [Fact]
    public void Uri_and_header_matchers_translate_as_istio_does()
    {
        var match = new HttpMatchRequest
        {
            Uri = new StringMatch(StringMatchKind.Regex, "/echo\\..*/Call"),
            IgnoreUriCase = true,
            Headers = ImmutableDictionary<string, StringMatch>.Empty
                .Add("x-b", new StringMatch(StringMatchKind.Prefix, "pre"))
                .Add("x-a", new StringMatch(StringMatchKind.Regex, "v[0-9]+"))
                .Add("x-present", new StringMatch(StringMatchKind.Prefix, "")),
            WithoutHeaders = ImmutableDictionary<string, StringMatch>.Empty.Add("x-debug", new StringMatch(StringMatchKind.Exact, "1")),
        };
        var exact = new HttpMatchRequest { Uri = new StringMatch(StringMatchKind.Exact, "/interop.Echo/Call") };
        var prefix = new HttpMatchRequest { Uri = new StringMatch(StringMatchKind.Prefix, "/interop.") };
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", Rule(To("echo")) with { Match = [match, exact, prefix] }));

        var routes = Generate(mesh).VirtualHosts[0].Routes;

        Assert.Equal("/echo\\..*/Call", routes[0].Match.SafeRegex.Regex);
        Assert.False(routes[0].Match.CaseSensitive);
        Assert.Equal(["x-a", "x-b", "x-present", "x-debug"], routes[0].Match.Headers.Select(h => h.Name));
        Assert.Equal("v[0-9]+", routes[0].Match.Headers[0].StringMatch.SafeRegex.Regex);
        Assert.Equal("pre", routes[0].Match.Headers[1].StringMatch.Prefix);
        Assert.True(routes[0].Match.Headers[2].PresentMatch);
        Assert.True(routes[0].Match.Headers[3].InvertMatch);
        Assert.Equal("1", routes[0].Match.Headers[3].StringMatch.Exact);
        Assert.Equal("/interop.Echo/Call", routes[1].Match.Path);
        Assert.Null(routes[1].Match.CaseSensitive);
        Assert.Equal("/interop.", routes[2].Match.Prefix);
    }

    [Fact]
    public void Timeout_becomes_max_stream_duration_only_and_grpc_retry_codes_are_kept()
    {
        var rule = Rule(To("echo", "v1")) with
        {
            Timeout = TimeSpan.FromMilliseconds(1500),
            Retries = new HttpRetry(3, TimeSpan.FromSeconds(1), "5xx,unavailable,connect-failure,deadline-exceeded,cancelled"),
        };
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", rule));

        var action = Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_;

        Assert.Equal(TimeSpan.FromMilliseconds(1500), action.MaxStreamDuration.MaxStreamDuration_.ToTimeSpan());
        Assert.Null(action.MaxStreamDuration.GrpcTimeoutHeaderMax);
        Assert.Equal("cancelled,deadline-exceeded,unavailable", action.RetryPolicy.RetryOn);
        Assert.Equal(3u, action.RetryPolicy.NumRetries);
    }

    [Theory]
    [InlineData(0, "unavailable")]
    [InlineData(2, "5xx,gateway-error,connect-failure")]
    public void Retries_gRPC_cannot_use_are_not_sent(int attempts, string retryOn)
    {
        var rule = Rule(To("echo", "v1")) with { Retries = new HttpRetry(attempts, null, retryOn) };

        var action = Assert.Single(Generate(EchoMesh().With(VirtualService("echo", "interop", "echo", rule))).VirtualHosts[0].Routes).Route_;

        Assert.Null(action.RetryPolicy);
    }

    [Fact]
    public void A_rule_without_retries_or_timeout_gets_istios_default_retries_and_no_stream_limit()
    {
        var action = Assert.Single(Generate(EchoMesh().With(VirtualService("echo", "interop", "echo", Rule(To("echo", "v1"))))).VirtualHosts[0].Routes).Route_;

        // istiod's retry.ConvertPolicy(nil): 2 retries on connect-failure,refused-stream,unavailable,cancelled,...
        Assert.Equal("cancelled,unavailable", action.RetryPolicy.RetryOn);
        Assert.Equal(2u, action.RetryPolicy.NumRetries);
        // istiod's setTimeout for proxyless clients: max_stream_duration 0s, which gRPC reads as "no limit".
        Assert.Equal(TimeSpan.Zero, action.MaxStreamDuration.MaxStreamDuration_.ToTimeSpan());
    }

    [Fact]
    public void Retries_without_retry_on_use_istios_default_conditions_that_grpc_understands()
    {
        var rule = Rule(To("echo", "v1")) with { Retries = new HttpRetry(2, null, null) };

        var action = Assert.Single(Generate(EchoMesh().With(VirtualService("echo", "interop", "echo", rule))).VirtualHosts[0].Routes).Route_;

        Assert.Equal("cancelled,unavailable", action.RetryPolicy.RetryOn);
        Assert.Equal(2u, action.RetryPolicy.NumRetries);
    }

    [Fact]
    public void Redirect_and_direct_response_rules_are_skipped_with_a_reason()
    {
        var redirect = new HttpRoute { Name = "moved", Redirect = new HttpRedirect("/new", "", 301) };
        var direct = new HttpRoute { DirectResponse = new HttpDirectResponse(503) };
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", redirect, direct, Rule(To("echo", "v2"))));
        var context = mesh.Context(RouteName);
        var target = new ListenerTarget(context.Push.Services.WithHost(Echo)[0], Grpc(7070));

        var result = ProxylessRouteBuilder.Build(context, target);

        Assert.Equal([$"outbound|7070|v2|{Echo}"], result.Routes.Select(r => r.Route_.Cluster));
        Assert.Equal(2, result.Skipped.Length);
        Assert.Contains("interop/echo http[0] (moved): redirect", result.Skipped[0], StringComparison.Ordinal);
        Assert.Contains("directResponse", result.Skipped[1], StringComparison.Ordinal);
        Assert.All(result.Routes, r => Assert.Equal(Route.ActionOneofCase.Route_, r.ActionCase));
    }

    [Fact]
    public void A_virtual_service_with_only_unsupported_rules_falls_back_to_the_default_route()
    {
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", new HttpRoute { Redirect = new HttpRedirect("/x", "", 0) }));

        var route = Assert.Single(Generate(mesh).VirtualHosts[0].Routes);

        Assert.Equal("default", route.Name);
        Assert.Equal(RouteName, route.Route_.Cluster);
    }

    [Fact]
    public void Matches_for_other_ports_namespaces_gateways_or_query_parameters_are_pruned()
    {
        HttpMatchRequest[] matches =
        [
            HeaderMatch("a", StringMatchKind.Exact, "1") with { Port = 9999 },
            HeaderMatch("b", StringMatchKind.Exact, "1") with { SourceNamespace = "payments" },
            HeaderMatch("c", StringMatchKind.Exact, "1") with { Gateways = ["istio-system/ingress"] },
            HeaderMatch("d", StringMatchKind.Exact, "1") with { QueryParams = ImmutableDictionary<string, StringMatch>.Empty.Add("q", new StringMatch(StringMatchKind.Exact, "1")) },
            HeaderMatch("e", StringMatchKind.Exact, "1") with { Port = 7070, SourceNamespace = "interop", Gateways = ["mesh"] },
        ];
        var mesh = EchoMesh().With(VirtualService("echo", "interop", "echo", Rule(To("echo", "v2")) with { Match = [.. matches] }));

        var routes = Generate(mesh).VirtualHosts[0].Routes;

        Assert.Equal(["e"], routes.Select(r => Assert.Single(r.Match.Headers).Name));
    }

    [Fact]
    public void Destination_port_comes_from_the_destination_services_only_port()
    {
        var mesh = EchoMesh()
            .WithService(Service("backend", "interop", Grpc(9000)))
            .With(VirtualService("echo", "interop", "echo", Rule(To("backend"))));

        var action = Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_;

        Assert.Equal("outbound|9000||backend.interop.svc.cluster.local", action.Cluster);
    }

    [Fact]
    public void Exact_host_virtual_service_beats_a_wildcard_one()
    {
        var wildcard = VirtualService("all", "interop", "*.interop.svc.cluster.local", Rule(To("echo", "v2")));
        var exact = VirtualService("echo", "interop", "echo", Rule(To("echo", "v1")));
        var mesh = EchoMesh().With(wildcard, exact);

        Assert.Equal($"outbound|7070|v1|{Echo}", Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_.Cluster);
    }

    [Fact]
    public void Virtual_services_outside_the_sidecar_scope_are_ignored()
    {
        var mesh = EchoMesh()
            .With(VirtualService("echo", "payments", Echo, Rule(To(Echo, "v2"))))
            .With(Sidecar("interop", "interop/*"));

        var route = Assert.Single(Generate(mesh).VirtualHosts[0].Routes);

        Assert.Equal("default", route.Name);
    }

    [Fact]
    public void Consistent_hash_header_of_the_destination_rule_becomes_a_hash_policy()
    {
        var policy = new TrafficPolicy
        {
            LoadBalancer = new LoadBalancerSettings(SimpleLoadBalancer.Unspecified) { ConsistentHash = new ConsistentHashSettings { HttpHeaderName = "x-user" } },
        };
        var mesh = new ProxylessMesh()
            .WithService(Service("echo", "interop", Grpc(7070)))
            .With(DestinationRule("echo", "interop", "echo", policy));

        var action = Assert.Single(Generate(mesh).VirtualHosts[0].Routes).Route_;

        Assert.Equal("x-user", Assert.Single(action.HashPolicy).Header.HeaderName);
    }

    [Theory]
    [InlineData($"outbound|7070|v1|{Echo}")]
    [InlineData($"outbound|9999||{Echo}")]
    [InlineData("outbound|7070||missing.interop.svc.cluster.local")]
    [InlineData("7070")]
    public void Names_that_are_not_a_visible_default_route_are_left_out(string name)
    {
        Assert.Empty(generator.Generate(EchoMesh().Context(name)).Resources);
    }

    private RouteConfiguration Generate(ProxylessMesh mesh, Model.Proxies.Proxy? proxy = null)
    {
        var context = proxy is null ? mesh.Context(RouteName) : mesh.Context(proxy, RouteName);
        var named = Assert.Single(generator.Generate(context).Resources);
        Assert.Equal(RouteName, named.Name);
        Assert.Equal(TypeUrls.Route, named.Resource.TypeUrl);
        return named.Resource.Unpack<RouteConfiguration>();
    }
}
