namespace ControlPlane.Model.Tests.Push;

using ControlPlane.Model.Config;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

public sealed class PushContextBuilderTests
{
    [Fact]
    public void Endpoint_only_push_reuses_every_index_but_endpoints()
    {
        var store = new MeshStore();
        var reviews = TestMesh.Service("reviews", "shop", 9080);
        store.Apply("t", new MeshDelta { UpsertedServices = [reviews] });
        var first = PushContextBuilder.Build(store.Current);
        var scope = first.ScopeFor(new() { Id = "sidecar~1.1.1.1~p.shop~shop.svc.cluster.local", Namespace = "shop" });

        var request = store.Apply("t", new MeshDelta { UpsertedEndpoints = [new ServiceEndpoints(reviews.Key, [TestMesh.Endpoint("10.1.0.7", 9080)])] })!;
        var next = PushContextBuilder.Build(first, store.Current, request);

        Assert.Same(first.Services, next.Services);
        Assert.Same(first.VirtualServices, next.VirtualServices);
        Assert.Same(first.DestinationRules, next.DestinationRules);
        Assert.NotSame(first.Endpoints, next.Endpoints);
        Assert.Same(scope, next.ScopeFor(new() { Id = "sidecar~1.1.1.2~q.shop~shop.svc.cluster.local", Namespace = "shop" }));
        Assert.Equal("10.1.0.7", Assert.Single(next.Endpoints.For(reviews.Key)).Address);
        Assert.Empty(first.Endpoints.For(reviews.Key));
    }

    [Fact]
    public void Full_push_rebuilds_only_the_indexes_of_the_changed_kinds()
    {
        var store = new MeshStore();
        store.Apply("t", new MeshDelta { UpsertedServices = [TestMesh.Service("reviews", "shop", 9080)] });
        var first = PushContextBuilder.Build(store.Current);

        var request = store.Apply("t", new MeshDelta { UpsertedConfigs = [TestMesh.VirtualService("reviews", "shop", "reviews", "reviews")] })!;
        var next = PushContextBuilder.Build(first, store.Current, request);

        Assert.Same(first.Services, next.Services);
        Assert.Same(first.Sidecars, next.Sidecars);
        Assert.NotSame(first.VirtualServices, next.VirtualServices);
        Assert.Single(next.VirtualServices.Mesh);
    }

    [Fact]
    public void Global_push_rebuilds_everything()
    {
        var store = new MeshStore();
        var first = PushContextBuilder.Build(store.Current);

        var next = PushContextBuilder.Build(first, store.Current, PushRequest.Global(PushReason.GlobalUpdate));

        Assert.NotSame(first.Services, next.Services);
        Assert.NotSame(first.Sidecars, next.Sidecars);
    }

    [Fact]
    public void Endpoints_are_indexed_by_address_for_inbound()
    {
        var store = new MeshStore();
        var reviews = TestMesh.Service("reviews", "shop", 9080);
        store.Apply("t", new MeshDelta
        {
            UpsertedServices = [reviews],
            UpsertedEndpoints = [new ServiceEndpoints(reviews.Key, [TestMesh.Endpoint("10.1.0.7", 9080), TestMesh.Endpoint("10.1.0.8", 9080)])],
        });

        var at = PushContextBuilder.Build(store.Current).Endpoints.AtAddress("10.1.0.8");

        Assert.Equal(reviews.Key, Assert.Single(at).Service);
    }

    [Fact]
    public void Virtual_service_hosts_and_gateways_are_resolved_in_the_index()
    {
        var store = new MeshStore();
        var vs = TestMesh.VirtualService("reviews", "shop", "reviews", "reviews") with { Gateways = ["mesh", "ingress"] };
        store.Apply("t", new MeshDelta { UpsertedConfigs = [vs] });

        var entry = Assert.Single(PushContextBuilder.Build(store.Current).VirtualServices.Mesh);

        Assert.Equal<string>(["reviews.shop.svc.cluster.local"], entry.Hosts);
        Assert.Equal<string>(["mesh", "shop/ingress"], entry.Gateways);
        Assert.Equal(ConfigKind.VirtualService, entry.Config.Kind);
    }
}
