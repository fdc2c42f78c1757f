namespace ControlPlane.Model.Tests.Scoping;

using System.Collections.Frozen;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

public sealed class SidecarScopeTests
{
    private static readonly Service Reviews = TestMesh.Service("reviews", "shop", 9080);
    private static readonly Service Ratings = TestMesh.Service("ratings", "shop", 9080);
    private static readonly Service Ledger = TestMesh.Service("ledger", "payments", 8080);
    private static readonly Service Private = TestMesh.Service("vault", "payments", 8200) with { ExportTo = Visibility.Parse(["."]) };

    [Fact]
    public void Without_a_sidecar_everything_exported_to_the_namespace_is_visible()
    {
        var scope = Context().ScopeFor(Proxy("shop"));

        Assert.Null(scope.Sidecar);
        Assert.Equal([Ledger.Hostname, Ratings.Hostname, Reviews.Hostname], scope.Services.Select(s => s.Hostname));
        Assert.Equal(OutboundTrafficPolicyMode.AllowAny, scope.OutboundTrafficPolicy);
    }

    [Fact]
    public void Namespace_sidecar_restricts_egress_to_its_hosts()
    {
        var scope = Context(TestMesh.Sidecar("default", "shop", "./*")).ScopeFor(Proxy("shop"));

        Assert.Equal([Ratings.Hostname, Reviews.Hostname], scope.Services.Select(s => s.Hostname));
        Assert.Equal("shop/default", scope.Name);
    }

    [Fact]
    public void Workload_selector_beats_namespace_default_which_beats_root_default()
    {
        var root = TestMesh.Sidecar("default", "istio-system", "payments/*");
        var nsDefault = TestMesh.Sidecar("default", "shop", "./*");
        var selecting = TestMesh.SelectingSidecar("reviews-only", "shop", "productpage", "./reviews.shop.svc.cluster.local");
        var context = Context(root, nsDefault, selecting);

        Assert.Equal("shop/reviews-only", context.ScopeFor(Proxy("shop", ("app", "productpage"))).Name);
        Assert.Equal("shop/default", context.ScopeFor(Proxy("shop", ("app", "other"))).Name);
        Assert.Equal("istio-system/default", context.ScopeFor(Proxy("payments")).Name);
        Assert.Equal([Ledger.Hostname, Private.Hostname], context.ScopeFor(Proxy("payments")).Services.Select(s => s.Hostname));
    }

    [Fact]
    public void ExportTo_dot_hides_a_service_from_other_namespaces()
    {
        var context = Context();

        Assert.DoesNotContain(context.ScopeFor(Proxy("shop")).Services, s => s.Hostname == Private.Hostname);
        Assert.Contains(context.ScopeFor(Proxy("payments")).Services, s => s.Hostname == Private.Hostname);
    }

    [Fact]
    public void Destinations_of_selected_virtual_services_become_visible()
    {
        var vs = TestMesh.VirtualService("reviews", "shop", "reviews", "ledger.payments.svc.cluster.local");
        var scope = Context(TestMesh.Sidecar("default", "shop", "./reviews.shop.svc.cluster.local"), vs).ScopeFor(Proxy("shop"));

        Assert.Equal([Ledger.Hostname, Reviews.Hostname], scope.Services.Select(s => s.Hostname));
        Assert.Contains(vs.Key, (IReadOnlySet<ConfigKey>)scope.Dependencies);
    }

    [Fact]
    public void Depends_on_exactly_its_inputs_and_the_sidecars_that_decide_it()
    {
        var scope = Context(TestMesh.Sidecar("default", "shop", "./*")).ScopeFor(Proxy("shop"));

        Assert.True(scope.DependsOn(new ConfigKey(ConfigKind.Service, "shop", Reviews.Hostname)));
        Assert.False(scope.DependsOn(new ConfigKey(ConfigKind.Service, "shop", "brand-new.shop.svc.cluster.local")));
        Assert.False(scope.DependsOn(new ConfigKey(ConfigKind.Service, "payments", Ledger.Hostname)));
        Assert.True(scope.DependsOn(new ConfigKey(ConfigKind.Sidecar, "shop", "default")));
        Assert.True(scope.DependsOn(new ConfigKey(ConfigKind.Sidecar, "istio-system", "default")));
        Assert.False(scope.DependsOn(new ConfigKey(ConfigKind.Sidecar, "payments", "default")));
        Assert.False(scope.DependsOn(new ConfigKey(ConfigKind.Gateway, "shop", "gw")));
    }

    [Fact]
    public void Destination_rule_lookup_prefers_proxy_namespace_then_service_namespace_then_root()
    {
        var inRoot = TestMesh.DestinationRule("root", "istio-system", "*.svc.cluster.local");
        var inService = TestMesh.DestinationRule("ledger", "payments", "ledger");
        var inClient = TestMesh.DestinationRule("ledger-from-shop", "shop", "ledger.payments.svc.cluster.local");

        var shop = Context(inRoot, inService, inClient).ScopeFor(Proxy("shop"));
        var payments = Context(inRoot, inService, inClient).ScopeFor(Proxy("payments"));

        Assert.Equal("ledger-from-shop", shop.DestinationRuleFor(Ledger)!.Config.Meta.Name);
        Assert.Equal("ledger", payments.DestinationRuleFor(Ledger)!.Config.Meta.Name);
        Assert.Equal("root", shop.DestinationRuleFor(Reviews)!.Config.Meta.Name);
    }

    [Fact]
    public void Sidecar_outbound_policy_overrides_mesh_default()
    {
        var sidecar = TestMesh.Sidecar("default", "shop", "./*") with { OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly };

        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, Context(sidecar).ScopeFor(Proxy("shop")).OutboundTrafficPolicy);
    }

    [Fact]
    public void Services_are_found_by_host_name_ignoring_case_and_only_when_in_scope()
    {
        var shopOnly = Context(TestMesh.Sidecar("default", "shop", "./*")).ScopeFor(Proxy("shop"));
        var everything = Context().ScopeFor(Proxy("shop"));

        Assert.Same(Reviews, Assert.Single(shopOnly.ServicesWithHost("REVIEWS.shop.svc.cluster.local")));
        Assert.Empty(shopOnly.ServicesWithHost(Ledger.Hostname));
        Assert.Same(Ledger, Assert.Single(everything.ServicesWithHost(Ledger.Hostname)));
        Assert.Empty(everything.ServicesWithHost("unknown.example.com"));
    }

    private static PushContext Context(params IstioConfig[] configs)
    {
        var store = new MeshStore();
        store.Apply("test", new MeshDelta { UpsertedServices = [Reviews, Ratings, Ledger, Private], UpsertedConfigs = [.. configs] });
        return PushContextBuilder.Build(store.Current);
    }

    private static Proxy Proxy(string ns, params (string Key, string Value)[] labels) => new()
    {
        Id = $"sidecar~10.0.0.1~pod.{ns}~{ns}.svc.cluster.local",
        Namespace = ns,
        Labels = labels.ToFrozenDictionary(l => l.Key, l => l.Value),
    };
}
