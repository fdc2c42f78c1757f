namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Route.V3;
using static ProxylessMesh;

/// <summary>gRPC (A44) reads <c>retry_back_off</c>; it has no host predicates, so <c>retryIgnorePreviousHosts</c> is not sent.</summary>
public sealed class ProxylessRetryBackoffTests
{
    private const string RouteName = "outbound|7070||echo.interop.svc.cluster.local";

    [Fact]
    public void Backoff_becomes_the_base_interval_and_host_predicates_are_left_out()
    {
        var rule = Rule(To("echo", "v1")) with
        {
            Retries = new HttpRetry(2, null, "unavailable") { Backoff = TimeSpan.FromMilliseconds(40), RetryIgnorePreviousHosts = true },
        };
        var mesh = new ProxylessMesh()
            .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070))
            .With(VirtualService("echo", "interop", "echo", rule));

        var named = Assert.Single(new ProxylessRouteGenerator().Generate(mesh.Context(RouteName)).Resources);
        var policy = Assert.Single(named.Resource.Unpack<RouteConfiguration>().VirtualHosts[0].Routes).Route_.RetryPolicy;

        Assert.Equal(TimeSpan.FromMilliseconds(40), policy.RetryBackOff.BaseInterval.ToTimeSpan());
        Assert.Null(policy.RetryBackOff.MaxInterval);
        Assert.Empty(policy.RetryHostPredicate);
    }
}
