namespace ControlPlane.Model.Tests.Scoping;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>A delegate is an input of every scope that selects one of its roots, so its changes reach exactly those proxies.</summary>
public sealed class DelegateDependencyTests
{
    private static readonly Service Reviews = TestMesh.Service("reviews", "shop", 9080);
    private static readonly Service Ledger = TestMesh.Service("ledger", "payments", 8080);
    private static readonly Proxy ShopProxy = new() { Id = "sidecar~10.0.0.1~a.shop~shop.svc.cluster.local", Namespace = "shop" };
    private static readonly Proxy PaymentsProxy = new() { Id = "sidecar~10.0.0.2~b.payments~payments.svc.cluster.local", Namespace = "payments" };
    private static readonly ConfigKey ApiKey = new(ConfigKind.VirtualService, "books", "api");

    private static readonly VirtualService Root = new()
    {
        Meta = TestMesh.Meta("reviews", "shop"),
        Hosts = ["reviews"],
        Http = [new HttpRoute { Delegate = new VirtualServiceDelegate("api", "books") }],
    };

    [Fact]
    public void Scopes_selecting_the_root_depend_on_its_delegate_even_before_it_exists()
    {
        var (_, context) = Start(TestMesh.Sidecar("default", "payments", "./*"), Root);

        Assert.True(context.ScopeFor(ShopProxy).DependsOn(ApiKey));
        Assert.False(context.ScopeFor(PaymentsProxy).DependsOn(ApiKey));
    }

    [Fact]
    public void Creating_the_delegate_rebuilds_only_the_scopes_of_its_roots_with_its_routes_merged()
    {
        var (store, first) = Start(TestMesh.Sidecar("default", "payments", "./*"), TestMesh.Sidecar("default", "shop", "./*"), Root);
        var shopBefore = first.ScopeFor(ShopProxy);
        var paymentsBefore = first.ScopeFor(PaymentsProxy);
        Assert.Empty(shopBefore.EgressListeners[0].VirtualServices.Single().Config.Http);
        Assert.DoesNotContain(shopBefore.Services, s => s.Hostname == Ledger.Hostname);

        var api = new VirtualService
        {
            Meta = TestMesh.Meta("api", "books"),
            Http = [new HttpRoute { Name = "v1", Route = [new HttpRouteDestination(new Destination("ledger.payments.svc.cluster.local"), 0)] }],
        };
        var next = Apply(store, first, new MeshDelta { UpsertedConfigs = [api] });

        var shopAfter = next.ScopeFor(ShopProxy);
        Assert.NotSame(shopBefore, shopAfter);
        Assert.Same(paymentsBefore, next.ScopeFor(PaymentsProxy));
        Assert.Equal(["v1"], shopAfter.EgressListeners[0].VirtualServices.Single().Config.Http.Select(r => r.Name));

        // Shop's Sidecar imports only shop; the delegate's destination becomes visible like any VirtualService destination.
        Assert.Contains(shopAfter.Services, s => s.Hostname == Ledger.Hostname);
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
