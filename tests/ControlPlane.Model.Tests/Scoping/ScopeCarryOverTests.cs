namespace ControlPlane.Model.Tests.Scoping;

using ControlPlane.Model.Config;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>A full push keeps every scope the change cannot reach, and rebuilds exactly the ones it can.</summary>
public sealed class ScopeCarryOverTests
{
    private static readonly Service Reviews = TestMesh.Service("reviews", "shop", 9080);
    private static readonly Service Ledger = TestMesh.Service("ledger", "payments", 8080);
    private static readonly Proxy ShopProxy = new() { Id = "sidecar~10.0.0.1~a.shop~shop.svc.cluster.local", Namespace = "shop" };

    [Fact]
    public void A_virtual_service_for_a_host_outside_the_scope_keeps_the_scope()
    {
        var (store, first) = Start(TestMesh.Sidecar("default", "shop", "./*"));
        var before = first.ScopeFor(ShopProxy);

        var next = Apply(store, first, new MeshDelta { UpsertedConfigs = [TestMesh.VirtualService("ledger", "payments", "ledger", "ledger")] });

        Assert.Same(before, next.ScopeFor(ShopProxy));
    }

    [Fact]
    public void A_virtual_service_for_a_host_in_the_scope_rebuilds_it()
    {
        var (store, first) = Start(TestMesh.Sidecar("default", "shop", "./*"));
        var before = first.ScopeFor(ShopProxy);

        var next = Apply(store, first, new MeshDelta { UpsertedConfigs = [TestMesh.VirtualService("reviews", "shop", "reviews", "reviews")] });

        var after = next.ScopeFor(ShopProxy);
        Assert.NotSame(before, after);
        Assert.Single(after.EgressListeners[0].VirtualServices);
    }

    [Fact]
    public void A_new_service_the_egress_hosts_select_enters_the_rebuilt_scope()
    {
        var (store, first) = Start(TestMesh.Sidecar("default", "shop", "./*"));
        first.ScopeFor(ShopProxy);
        var ratings = TestMesh.Service("ratings", "shop", 9080);

        var next = Apply(store, first, new MeshDelta { UpsertedServices = [ratings] });

        Assert.Contains(next.ScopeFor(ShopProxy).Services, s => s.Hostname == ratings.Hostname);
    }

    [Fact]
    public void A_destination_rule_for_a_service_in_scope_rebuilds_it()
    {
        var (store, first) = Start(TestMesh.Sidecar("default", "shop", "./*"));
        Assert.Null(first.ScopeFor(ShopProxy).DestinationRuleFor(Reviews));

        var next = Apply(store, first, new MeshDelta { UpsertedConfigs = [TestMesh.DestinationRule("reviews", "shop", "reviews")] });

        Assert.NotNull(next.ScopeFor(ShopProxy).DestinationRuleFor(Reviews));
    }

    [Fact]
    public void A_removed_virtual_service_leaves_the_scope_it_was_in()
    {
        var vs = TestMesh.VirtualService("reviews", "shop", "reviews", "reviews");
        var (store, first) = Start(TestMesh.Sidecar("default", "shop", "./*"), vs);
        Assert.Single(first.ScopeFor(ShopProxy).EgressListeners[0].VirtualServices);

        var next = Apply(store, first, new MeshDelta { RemovedConfigs = [vs.Key] });

        Assert.Empty(next.ScopeFor(ShopProxy).EgressListeners[0].VirtualServices);
    }

    private static (MeshStore, PushContext) Start(params IstioConfig[] configs)
    {
        var store = new MeshStore();
        store.Apply("t", new MeshDelta { UpsertedServices = [Reviews, Ledger], UpsertedConfigs = [.. configs] });
        return (store, PushContextBuilder.Build(store.Current));
    }

    private static PushContext Apply(MeshStore store, PushContext previous, MeshDelta delta)
    {
        var request = store.Apply("t", delta)!;
        return PushContextBuilder.Build(previous, store.Current, request);
    }
}
