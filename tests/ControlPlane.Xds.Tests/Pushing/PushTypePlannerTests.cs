namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Tests.Serving.Fakes;

public sealed class PushTypePlannerTests
{
    private const string Secret = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret";
    private readonly Dictionary<string, IResourceGenerator> generators = new FakeGeneratorSelector().Generators;

    [Fact]
    public void Endpoint_only_pushes_send_eds_for_the_updated_hosts_only()
    {
        var plan = Plan(TestRequests.Endpoints("a.default.svc.cluster.local"), TypeUrls.Route, TypeUrls.Endpoint, TypeUrls.Cluster);

        var eds = Assert.Single(plan);
        Assert.Equal(TypeUrls.Endpoint, eds.TypeUrl);
        Assert.Equal(["a.default.svc.cluster.local"], eds.OnlyHosts!);
        Assert.Empty(Plan(TestRequests.Endpoints("a.default.svc.cluster.local"), TypeUrls.Cluster));
    }

    [Fact]
    public void Full_pushes_follow_istiod_order_then_other_types_by_name()
    {
        generators[Secret] = new FakeGenerator(Secret, _ => true, _ => []);
        generators["z.example/Other"] = new FakeGenerator("z.example/Other", _ => true, _ => []);

        var plan = Plan(PushRequest.Global(PushReason.GlobalUpdate), "z.example/Other", TypeUrls.Route, Secret, TypeUrls.Listener, TypeUrls.Endpoint, TypeUrls.Cluster);

        Assert.Equal([TypeUrls.Cluster, TypeUrls.Endpoint, TypeUrls.Listener, TypeUrls.Route, Secret, "z.example/Other"], plan.Select(p => p.TypeUrl));
        Assert.True(plan[1].AfterClusters);
        Assert.All(plan, p => Assert.Null(p.OnlyHosts));
    }

    [Fact]
    public void Types_whose_generator_is_not_affected_are_skipped()
    {
        generators[TypeUrls.Route] = new FakeGenerator(TypeUrls.Route, _ => false, _ => []);
        generators.Remove(TypeUrls.Listener);

        var plan = Plan(TestRequests.Full(), TypeUrls.Route, TypeUrls.Listener, TypeUrls.Endpoint);

        Assert.Equal([TypeUrls.Endpoint], plan.Select(p => p.TypeUrl));
        Assert.False(plan[0].AfterClusters);
    }

    [Fact]
    public void Eds_follows_cds_even_when_not_affected_itself()
    {
        generators[TypeUrls.Endpoint] = new FakeGenerator(TypeUrls.Endpoint, _ => false, _ => []);

        var plan = Plan(TestRequests.Full(), TypeUrls.Cluster, TypeUrls.Endpoint);

        Assert.Equal([TypeUrls.Cluster, TypeUrls.Endpoint], plan.Select(p => p.TypeUrl));
        Assert.True(plan[1].AfterClusters);
        Assert.False(plan[1].Affected);
    }

    private List<PlannedType> Plan(PushRequest request, params string[] subscribed) =>
        [.. PushTypePlanner.Plan(request, subscribed, t => generators.GetValueOrDefault(t))];
}
