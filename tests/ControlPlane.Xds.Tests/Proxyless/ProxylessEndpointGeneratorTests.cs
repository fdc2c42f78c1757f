namespace ControlPlane.Xds.Tests.Proxyless;

using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Proxyless;
using Envoy.Config.Endpoint.V3;
using static ProxylessMesh;

public sealed class ProxylessEndpointGeneratorTests
{
    private const string Echo = "echo.interop.svc.cluster.local";

    private readonly ProxylessEndpointGenerator generator = new();

    [Fact]
    public void Endpoints_are_grouped_by_locality_with_summed_weights_at_priority_zero()
    {
        var mesh = new ProxylessMesh()
            .WithService(
                Service("echo", "interop", Grpc(7070)),
                Endpoint("10.1.0.2", 7070) with { Locality = new Locality("us", "a") , Weight = 3 },
                Endpoint("10.1.0.1", 7070) with { Locality = new Locality("us", "a") },
                Endpoint("10.1.0.3", 7071));

        var assignment = Single(mesh, $"outbound|7070||{Echo}");

        Assert.Equal($"outbound|7070||{Echo}", assignment.ClusterName);
        Assert.Equal(2, assignment.Endpoints.Count);
        var unknown = assignment.Endpoints[0];
        Assert.Equal("", unknown.Locality.Region);
        Assert.Equal(1u, unknown.LoadBalancingWeight);
        var zoneA = assignment.Endpoints[1];
        Assert.Equal(("us", "a"), (zoneA.Locality.Region, zoneA.Locality.Zone));
        Assert.Equal(4u, zoneA.LoadBalancingWeight);
        Assert.All(assignment.Endpoints, l => Assert.Equal(0u, l.Priority));
        Assert.Equal(["10.1.0.1", "10.1.0.2"], zoneA.LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address));
        Assert.Equal([1u, 3u], zoneA.LbEndpoints.Select(e => e.LoadBalancingWeight!.Value));
        Assert.All(zoneA.LbEndpoints, e => Assert.Equal(Envoy.Config.Core.V3.HealthStatus.Healthy, e.HealthStatus));
        Assert.Equal(7071u, unknown.LbEndpoints[0].Endpoint.Address.SocketAddress.PortValue);
    }

    [Fact]
    public void Subset_clusters_keep_only_endpoints_with_the_subset_labels()
    {
        var mesh = new ProxylessMesh()
            .WithService(Service("echo", "interop", Grpc(7070)), Endpoint("10.1.0.1", 7070, "v1"), Endpoint("10.1.0.2", 7070, "v2"))
            .With(DestinationRule("echo", "interop", "echo"));

        var v2 = Single(mesh, $"outbound|7070|v2|{Echo}");

        Assert.Equal(["10.1.0.2"], v2.Endpoints.SelectMany(l => l.LbEndpoints).Select(e => e.Endpoint.Address.SocketAddress.Address));
        Assert.Empty(Single(mesh, $"outbound|7070|v9|{Echo}").Endpoints);
    }

    [Fact]
    public void Unhealthy_hostname_and_duplicate_endpoints_are_not_sent()
    {
        var mesh = new ProxylessMesh().WithService(
            Service("echo", "interop", Grpc(7070)),
            Endpoint("10.1.0.1", 7070),
            Endpoint("10.1.0.1", 7070),
            Endpoint("10.1.0.2", 7070) with { Health = HealthStatus.Unhealthy },
            Endpoint("10.1.0.3", 7070) with { Health = HealthStatus.Draining },
            Endpoint("backend.example", 7070),
            Endpoint("10", 7070),
            Endpoint("fd00::1", 7070));

        var addresses = Single(mesh, $"outbound|7070||{Echo}").Endpoints.SelectMany(l => l.LbEndpoints)
            .Select(e => e.Endpoint.Address.SocketAddress.Address);

        Assert.Equal(["10.1.0.1", "fd00::1"], addresses);
    }

    [Fact]
    public void Multi_port_services_select_endpoints_by_service_port_name()
    {
        var mesh = new ProxylessMesh().WithService(
            Service("echo", "interop", Grpc(7070), Grpc(8080, "grpc-admin")),
            Endpoint("10.1.0.1", 17070),
            Endpoint("10.1.0.1", 18080, portName: "grpc-admin"));

        var admin = Single(mesh, $"outbound|8080||{Echo}");

        Assert.Equal([18080u], admin.Endpoints.SelectMany(l => l.LbEndpoints).Select(e => e.Endpoint.Address.SocketAddress.PortValue));
    }

    [Fact]
    public void A_known_cluster_without_endpoints_gets_an_empty_assignment_and_unknown_ones_nothing()
    {
        var mesh = new ProxylessMesh().WithService(Service("echo", "interop", Grpc(7070)));

        var result = generator.Generate(mesh.Context($"outbound|7070||{Echo}", "outbound|7070||missing.interop.svc.cluster.local"));

        var named = Assert.Single(result.Resources);
        Assert.Equal(TypeUrls.Endpoint, named.Resource.TypeUrl);
        Assert.Empty(named.Resource.Unpack<ClusterLoadAssignment>().Endpoints);
    }

    [Fact]
    public void Every_push_affects_endpoints()
    {
        Assert.True(generator.IsAffectedBy(new PushRequest { Full = false }));
        Assert.True(generator.IsAffectedBy(PushRequest.Global(PushReason.ConfigUpdate)));
    }

    private ClusterLoadAssignment Single(ProxylessMesh mesh, string name) =>
        Assert.Single(generator.Generate(mesh.Context(name)).Resources).Resource.Unpack<ClusterLoadAssignment>();
}
