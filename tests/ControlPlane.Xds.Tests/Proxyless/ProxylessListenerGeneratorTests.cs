namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using static ProxylessMesh;

public sealed class ProxylessListenerGeneratorTests
{
    private const string Echo = "echo.interop.svc.cluster.local";

    private static readonly ProxylessMesh Mesh = new ProxylessMesh()
        .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070))
        .WithService(Service("multi", "interop", Grpc(7070), Grpc(8080, "grpc-admin")))
        .WithService(Service("ledger", "payments", Grpc(9090)));

    private readonly ProxylessListenerGenerator generator = new();

    [Fact]
    public void Client_listener_is_an_api_listener_pointing_at_the_outbound_route()
    {
        var result = generator.Generate(Mesh.Context($"{Echo}:7070"));

        var named = Assert.Single(result.Resources);
        Assert.Equal($"{Echo}:7070", named.Name);
        Assert.Equal(TypeUrls.Listener, named.Resource.TypeUrl);
        var listener = named.Resource.Unpack<Listener>();
        Assert.Equal($"{Echo}:7070", listener.Name);
        Assert.Empty(listener.ListenerFilters);
        Assert.Null(listener.UseOriginalDst);

        var hcm = listener.ApiListener.ApiListener_.Unpack<HttpConnectionManager>();
        Assert.Equal($"outbound|7070||{Echo}", hcm.Rds.RouteConfigName);
        Assert.NotNull(hcm.Rds.ConfigSource.Ads);
        Assert.Equal(ApiVersion.V3, hcm.Rds.ConfigSource.ResourceApiVersion);
        Assert.Equal(["envoy.filters.http.fault", "envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        Assert.True(hcm.HttpFilters[0].TypedConfig.Is(HTTPFault.Descriptor));
        Assert.True(hcm.HttpFilters[1].TypedConfig.Is(Router.Descriptor));
    }

    [Theory]
    [InlineData("echo.interop:7070")]
    [InlineData("echo.interop.svc:7070")]
    [InlineData("echo:7070")]
    [InlineData("echo.interop.svc.cluster.local")]
    public void Kubernetes_short_forms_resolve_and_keep_the_requested_name(string target)
    {
        var result = generator.Generate(Mesh.Context(target));

        var listener = Assert.Single(result.Resources).Resource.Unpack<Listener>();
        Assert.Equal(target, listener.Name);
        Assert.Equal($"outbound|7070||{Echo}", listener.ApiListener.ApiListener_.Unpack<HttpConnectionManager>().Rds.RouteConfigName);
    }

    [Theory]
    [InlineData("echo.interop.svc.cluster.local:9999")]
    [InlineData("missing.interop.svc.cluster.local:7070")]
    [InlineData("multi.interop.svc.cluster.local")]
    [InlineData("ledger:9090")]
    [InlineData("not a target:port")]
    [InlineData(":7070")]
    public void Names_that_resolve_to_no_visible_service_port_are_left_out(string target)
    {
        Assert.Empty(generator.Generate(Mesh.Context(target)).Resources);
    }

    [Fact]
    public void Bare_name_resolves_in_the_proxy_namespace_only()
    {
        var fromPayments = Mesh.Context(Proxy("payments"), "ledger:9090", "echo:7070");

        var listener = Assert.Single(generator.Generate(fromPayments).Resources);
        Assert.Equal("ledger:9090", listener.Name);
    }

    [Fact]
    public void Services_outside_the_sidecar_scope_are_not_served()
    {
        var scoped = new ProxylessMesh()
            .WithService(Service("echo", "interop", Grpc(7070)))
            .WithService(Service("ledger", "payments", Grpc(9090)))
            .With(Sidecar("interop", "./*"));

        var result = generator.Generate(scoped.Context($"{Echo}:7070", "ledger.payments:9090"));

        Assert.Equal([$"{Echo}:7070"], result.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Several_names_come_back_sorted_and_identical_on_every_call()
    {
        var context = Mesh.Context("echo:7070", $"{Echo}:7070", "multi.interop:8080");

        var first = generator.Generate(context);
        var second = generator.Generate(context);

        Assert.Equal([$"{Echo}:7070", "echo:7070", "multi.interop:8080"], first.Resources.Select(r => r.Name));
        Assert.Equal(first.Resources.Select(r => r.Resource), second.Resources.Select(r => r.Resource));
        var multi = first.Resources[2].Resource.Unpack<Listener>().ApiListener.ApiListener_.Unpack<HttpConnectionManager>();
        Assert.Equal("outbound|8080||multi.interop.svc.cluster.local", multi.Rds.RouteConfigName);
    }

    [Fact]
    public void Server_listener_binds_the_requested_address_with_a_non_forwarding_route()
    {
        const string name = "xds.istio.io/grpc/lds/inbound/10.0.0.9:7070";

        var listener = Assert.Single(generator.Generate(Mesh.Context(name)).Resources).Resource.Unpack<Listener>();

        Assert.Equal(name, listener.Name);
        Assert.Equal("10.0.0.9", listener.Address.SocketAddress.Address);
        Assert.Equal(7070u, listener.Address.SocketAddress.PortValue);
        var chain = Assert.Single(listener.FilterChains);
        var hcm = Assert.Single(chain.Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(["envoy.filters.http.router"], hcm.HttpFilters.Select(f => f.Name));
        var route = Assert.Single(Assert.Single(hcm.RouteConfig.VirtualHosts).Routes);
        Assert.NotNull(route.NonForwardingAction);
        Assert.Null(route.Route_);
    }

    [Theory]
    [InlineData("xds.istio.io/grpc/lds/inbound/host.example:7070")]
    [InlineData("xds.istio.io/grpc/lds/inbound/10.0.0.9")]
    public void Server_listener_names_without_an_ip_and_port_are_left_out(string name)
    {
        Assert.Empty(generator.Generate(Mesh.Context(name)).Resources);
    }

    [Fact]
    public void Only_full_pushes_affect_listeners()
    {
        Assert.True(generator.IsAffectedBy(PushRequest.Global(PushReason.ConfigUpdate)));
        Assert.False(generator.IsAffectedBy(new PushRequest { Full = false }));
    }
}
