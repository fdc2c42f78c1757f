namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Type.V3;
using static ProxylessMesh;
using CorsPolicy = ControlPlane.Model.Config.VirtualServices.CorsPolicy;

/// <summary>Fault injection reaches gRPC clients as per-route HTTPFault (gRFC A33); mirror and CORS are left out with a reason.</summary>
public sealed class ProxylessFaultRouteTests
{
    private const string Echo = "echo.interop.svc.cluster.local";
    private const string RouteName = $"outbound|7070||{Echo}";
    private const string FaultFilter = "envoy.filters.http.fault";

    [Fact]
    public void Fault_goes_on_every_route_of_the_rule_as_istiod_translates_it()
    {
        var fault = new HttpFaultInjection(new HttpFaultDelay(TimeSpan.FromMilliseconds(300), 100), new HttpFaultAbort(null, 14, 50));
        var rule = Rule(To("echo", "v1")) with { Match = [HeaderMatch("x-a", StringMatchKind.Exact, "1"), HeaderMatch("x-b", StringMatchKind.Exact, "1")], Fault = fault };

        var result = Build(rule, Rule(To("echo", "v2")));

        Assert.Equal(3, result.Routes.Length);
        foreach (var route in result.Routes.Take(2))
        {
            var config = route.TypedPerFilterConfig[FaultFilter].Unpack<HTTPFault>();
            Assert.Equal(300, config.Delay.FixedDelay.ToTimeSpan().TotalMilliseconds);
            Assert.Equal((1000000u, FractionalPercent.Types.DenominatorType.Million), (config.Delay.Percentage.Numerator, config.Delay.Percentage.Denominator));
            Assert.Equal((14u, 500000u), (config.Abort.GrpcStatus, config.Abort.Percentage.Numerator));
        }

        Assert.Empty(result.Routes[2].TypedPerFilterConfig);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public void An_abort_without_percentage_gets_an_explicit_zero_which_grpc_requires()
    {
        var rule = Rule(To("echo")) with { Fault = new HttpFaultInjection(null, new HttpFaultAbort(503, null, null)) };

        var abort = Assert.Single(Build(rule).Routes).TypedPerFilterConfig[FaultFilter].Unpack<HTTPFault>().Abort;

        Assert.Equal(503u, abort.HttpStatus);
        Assert.Equal((0u, FractionalPercent.Types.DenominatorType.Hundred), (abort.Percentage.Numerator, abort.Percentage.Denominator));
    }

    [Fact]
    public void Mirror_and_cors_are_skipped_with_a_reason_and_the_route_is_kept()
    {
        var rule = Rule(To("echo", "v1")) with
        {
            Name = "shadowed",
            Mirrors = [new HttpMirrorPolicy(new Destination("echo", "v2"))],
            CorsPolicy = new CorsPolicy { AllowMethods = ["GET"] },
        };

        var result = Build(rule);

        var route = Assert.Single(result.Routes);
        Assert.Equal($"outbound|7070|v1|{Echo}", route.Route_.Cluster);
        Assert.Empty(route.Route_.RequestMirrorPolicies);
        Assert.Empty(route.TypedPerFilterConfig);
        Assert.Equal(2, result.Skipped.Length);
        Assert.Contains("interop/echo http[0] (shadowed): mirror is not implemented by gRPC clients", result.Skipped[0], StringComparison.Ordinal);
        Assert.Contains("corsPolicy", result.Skipped[1], StringComparison.Ordinal);
    }

    private static RouteBuildResult Build(params HttpRoute[] rules)
    {
        var mesh = new ProxylessMesh()
            .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070))
            .With(DestinationRule("echo", "interop", "echo"), VirtualService("echo", "interop", "echo", rules));
        var context = mesh.Context(RouteName);
        var target = new ListenerTarget(context.Push.Services.WithHost(Echo)[0], Grpc(7070));
        return ProxylessRouteBuilder.Build(context, target);
    }
}
