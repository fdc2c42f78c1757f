namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Endpoints;
using HealthStatus = Envoy.Config.Core.V3.HealthStatus;
using static ControlPlane.Xds.Tests.Generation.Configs;

public sealed class EndpointGeneratorTests
{
    private const string ReviewsCluster = "outbound|9080||reviews.default.svc.cluster.local";

    [Fact]
    public void Endpoints_are_grouped_by_locality_with_summed_weights()
    {
        var mesh = Bookinfo.Mesh().Build();
        var assignment = Generate.Endpoint(mesh, Bookinfo.Productpage(mesh), ReviewsCluster);

        Assert.Equal(ReviewsCluster, assignment.ClusterName);
        Assert.Equal(["a", "b"], assignment.Endpoints.Select(l => l.Locality.Zone));
        Assert.All(assignment.Endpoints, l => Assert.Equal("us-east", l.Locality.Region));
        Assert.Equal(1u, assignment.Endpoints[0].LoadBalancingWeight);
        Assert.Equal(4u, assignment.Endpoints[1].LoadBalancingWeight);
        Assert.Equal(["10.1.0.22", "10.1.0.23"], assignment.Endpoints[1].LbEndpoints.Select(e => e.Endpoint.Address.SocketAddress.Address));
        var endpoint = assignment.Endpoints[0].LbEndpoints[0];
        Assert.Equal(9080u, endpoint.Endpoint.Address.SocketAddress.PortValue);
        Assert.Equal(HealthStatus.Healthy, endpoint.HealthStatus);
        Assert.Equal(1u, endpoint.LoadBalancingWeight);
    }

    [Fact]
    public void Endpoint_metadata_carries_tls_mode_and_workload_telemetry()
    {
        var mesh = Bookinfo.Mesh().Build();
        var endpoints = Generate.Endpoint(mesh, Bookinfo.Productpage(mesh), ReviewsCluster).Endpoints.SelectMany(l => l.LbEndpoints).ToList();

        var withSidecar = endpoints.Single(e => e.Endpoint.Address.SocketAddress.Address == "10.1.0.21");
        Assert.Equal("istio", withSidecar.Metadata.FilterMetadata["envoy.transport_socket_match"].Fields["tlsMode"].StringValue);
        Assert.Equal("reviews-v1;default;reviews;v1;Kubernetes", withSidecar.Metadata.FilterMetadata["istio"].Fields["workload"].StringValue);

        var withoutSidecar = endpoints.Single(e => e.Endpoint.Address.SocketAddress.Address == "10.1.0.23");
        Assert.False(withoutSidecar.Metadata.FilterMetadata.ContainsKey("envoy.transport_socket_match"));
    }

    [Fact]
    public void Destination_rule_tls_mode_other_than_istio_mutual_drops_tls_mode()
    {
        var policy = new TrafficPolicy { Tls = new ClientTlsSettings(ClientTlsMode.Disable) };
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, policy)).Build();
        var endpoints = Generate.Endpoint(mesh, Bookinfo.Productpage(mesh), ReviewsCluster).Endpoints.SelectMany(l => l.LbEndpoints);

        Assert.All(endpoints, e => Assert.False(e.Metadata.FilterMetadata.ContainsKey("envoy.transport_socket_match")));
    }

    [Fact]
    public void Subset_clusters_get_only_matching_endpoints()
    {
        var mesh = Bookinfo.Mesh().Config(Rule(Bookinfo.Reviews, null, Subset("v2", "v2"))).Build();
        var proxy = Bookinfo.Productpage(mesh);

        var v2 = Generate.Endpoint(mesh, proxy, "outbound|9080|v2|" + Bookinfo.Reviews);
        Assert.Equal("outbound|9080|v2|" + Bookinfo.Reviews, v2.ClusterName);
        Assert.Equal("10.1.0.22", Assert.Single(Assert.Single(v2.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress.Address);

        // istiod: a subset the rule does not define selects every endpoint.
        var unknown = Generate.Endpoint(mesh, proxy, "outbound|9080|v9|" + Bookinfo.Reviews);
        Assert.Equal(3, unknown.Endpoints.Sum(l => l.LbEndpoints.Count));
    }

    [Fact]
    public void Unhealthy_endpoints_are_dropped_and_draining_ones_kept_only_for_persistent_sessions()
    {
        var mesh = new MeshBuilder()
            .Service("web", "default", s => s.Port("http", 80).Vip("10.96.3.1"))
            .Service("sticky", "default", s => s.Port("http", 80).Vip("10.96.3.2").Labels(("istio.io/persistent-session", "cookie")))
            .Endpoint("web", "default", "10.3.0.1")
            .Endpoint("web", "default", "10.3.0.2", e => e.Health(Model.Services.HealthStatus.Unhealthy))
            .Endpoint("web", "default", "10.3.0.3", e => e.Health(Model.Services.HealthStatus.Draining))
            .Endpoint("sticky", "default", "10.3.1.3", e => e.Health(Model.Services.HealthStatus.Draining))
            .Build();
        var proxy = mesh.Sidecar("client", "default", "10.9.9.9");

        var web = Generate.Endpoint(mesh, proxy, "outbound|80||web.default.svc.cluster.local");
        Assert.Equal("10.3.0.1", Assert.Single(Assert.Single(web.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress.Address);
        var sticky = Generate.Endpoint(mesh, proxy, "outbound|80||sticky.default.svc.cluster.local");
        Assert.Equal(HealthStatus.Draining, Assert.Single(Assert.Single(sticky.Endpoints).LbEndpoints).HealthStatus);
    }

    [Fact]
    public void Multi_port_services_match_endpoints_by_port_name()
    {
        var mesh = new MeshBuilder()
            .Service("api", "default", s => s.Port("http", 80, targetPort: 8080).Port("grpc", 9090).Vip("10.96.4.1"))
            .Endpoint("api", "default", "10.4.0.1")
            .Build();
        var proxy = mesh.Sidecar("client", "default", "10.9.9.9");

        var http = Generate.Endpoint(mesh, proxy, "outbound|80||api.default.svc.cluster.local");
        Assert.Equal(8080u, Assert.Single(Assert.Single(http.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress.PortValue);
        var grpc = Generate.Endpoint(mesh, proxy, "outbound|9090||api.default.svc.cluster.local");
        Assert.Equal(9090u, Assert.Single(Assert.Single(grpc.Endpoints).LbEndpoints).Endpoint.Address.SocketAddress.PortValue);
    }

    [Theory]
    [InlineData("outbound|9080||unknown.default.svc.cluster.local")]
    [InlineData("outbound|1234||reviews.default.svc.cluster.local")]
    [InlineData("not-a-cluster-name")]
    [InlineData("inbound|9080||")]
    public void Names_that_resolve_to_nothing_get_an_empty_assignment(string name)
    {
        var mesh = Bookinfo.Mesh().Build();
        var assignment = Generate.Endpoint(mesh, Bookinfo.Productpage(mesh), name);

        Assert.Equal(name, assignment.ClusterName);
        Assert.Empty(assignment.Endpoints);
    }

    [Fact]
    public void Services_outside_the_sidecar_scope_resolve_to_nothing()
    {
        var mesh = Bookinfo.Mesh().Config(Sidecar("default", Egress("./*"))).Build();
        var assignment = Generate.Endpoint(mesh, Bookinfo.Productpage(mesh), "outbound|3306||mysql.db.svc.cluster.local");

        Assert.Empty(assignment.Endpoints);
    }

    [Fact]
    public void Every_request_kind_but_routing_only_changes_affects_endpoints()
    {
        var generator = new EndpointGenerator();
        Assert.True(generator.IsAffectedBy(Requests.EndpointsOnly()));
        Assert.True(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.DestinationRule)));
        Assert.False(generator.IsAffectedBy(Requests.Full(Model.Config.ConfigKind.VirtualService)));
    }
}
