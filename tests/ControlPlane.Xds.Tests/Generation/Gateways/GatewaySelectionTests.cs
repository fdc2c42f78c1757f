namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Collections.Frozen;
using ControlPlane.Model.Config;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Gateways;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;

/// <summary>Which proxies get gateway generators, which Gateways and VirtualServices apply, and what pushes reach them.</summary>
public sealed class GatewaySelectionTests
{
    private const string Mesh = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        spec:
          clusterIP: 10.96.1.10
          ports: [{name: http, port: 8000}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: hidden, namespace: apps}
        spec:
          clusterIP: 10.96.1.11
          ports: [{name: http, port: 8000}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: istio-system}
        spec:
          egress: [{hosts: ["./*"]}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: any-gateway, namespace: apps}
        spec:
          servers:
            - port: {number: 8000, name: http, protocol: HTTP}
              hosts: ["*"]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: other, namespace: apps}
        spec:
          selector: {istio: other}
          servers:
            - port: {number: 9000, name: http, protocol: HTTP}
              hosts: ["*"]
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: apps}
        spec:
          hosts: [web.example.com]
          gateways: [any-gateway.apps.svc.cluster.local]
          http:
            - route:
                - destination: {host: web}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: private-elsewhere, namespace: apps}
        spec:
          hosts: [private.example.com]
          gateways: [any-gateway]
          exportTo: ["."]
          http:
            - route:
                - destination: {host: web}
        """;

    private static readonly Proxy Ingress = GatewayProxies.Router("ingress-0", "istio-system", "10.0.0.2", new Dictionary<string, string> { ["istio"] = "ingressgateway" });

    [Fact]
    public void Routers_get_gateway_generators_and_sidecars_keep_theirs()
    {
        var selector = new GeneratorSelector();
        foreach (var typeUrl in new[] { TypeUrls.Cluster, TypeUrls.Endpoint, TypeUrls.Listener, TypeUrls.Route })
        {
            Assert.StartsWith("Gateway", selector.For(Ingress, typeUrl)!.GetType().Name, StringComparison.Ordinal);
            var sidecar = Ingress with { Type = ProxyType.Sidecar, Id = "sidecar~10.0.0.2~ingress-0.istio-system~istio-system.svc.cluster.local" };
            Assert.Same(EnvoyGenerators.Default.ByTypeUrl[typeUrl], selector.For(sidecar, typeUrl));
        }
    }

    [Fact]
    public void A_gateway_without_selector_applies_to_every_gateway_proxy_and_others_need_their_labels()
    {
        var push = GoldenFiles.Load(Mesh, "selection");
        var listeners = GatewaySnapshots.For(push, Ingress).Listeners.Select(l => l.Unpack<Listener>().Name).ToList();

        Assert.Equal(["0.0.0.0_8000"], listeners);
    }

    [Fact]
    public void VirtualServices_bind_by_legacy_and_relative_names_within_their_visibility()
    {
        var push = GoldenFiles.Load(Mesh, "selection");
        var routes = Assert.Single(GatewaySnapshots.For(push, Ingress).Routes).Unpack<RouteConfiguration>();

        // exportTo "." keeps private.example.com from a gateway proxy in istio-system.
        Assert.Equal(["web.example.com:8000"], routes.VirtualHosts.Select(h => h.Name));
    }

    [Fact]
    public void Sidecars_never_scope_a_gateway()
    {
        var push = GoldenFiles.Load(Mesh, "selection");
        var clusters = GatewaySnapshots.For(push, Ingress).Clusters.Select(c => c.Unpack<Envoy.Config.Cluster.V3.Cluster>().Name).ToList();

        // The root namespace Sidecar (egress ./*) would hide apps services from a sidecar in istio-system.
        Assert.Contains("outbound|8000||web.apps.svc.cluster.local", clusters);
        Assert.Contains("outbound|8000||hidden.apps.svc.cluster.local", clusters);
        Assert.Null(push.ScopeFor(Ingress).Sidecar);
    }

    [Fact]
    public void An_unprivileged_gateway_pod_gets_no_listener_below_port_1024()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: web, namespace: apps}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*"]
                - port: {number: 8080, name: http-alt, protocol: HTTP}
                  hosts: ["*"]
            """;
        var push = GoldenFiles.Load(yaml, "unprivileged");
        var unprivileged = Ingress with
        {
            Metadata = new Dictionary<string, string> { ["UNPRIVILEGED_POD"] = "true" }.ToFrozenDictionary(StringComparer.Ordinal),
        };

        Assert.Equal(["0.0.0.0_80", "0.0.0.0_8080"], GatewaySnapshots.For(push, Ingress).Listeners.Select(l => l.Unpack<Listener>().Name));
        Assert.Equal(["0.0.0.0_8080"], GatewaySnapshots.For(push, unprivileged).Listeners.Select(l => l.Unpack<Listener>().Name));
    }

    [Theory]
    [InlineData("gw", "apps", "apps/gw")]
    [InlineData("./gw", "apps", "apps/gw")]
    [InlineData("other/gw", "apps", "other/gw")]
    [InlineData("gw.other", "apps", "other/gw")]
    [InlineData("gw.other.svc.cluster.local", "apps", "other/gw")]
    public void Gateway_names_resolve_as_istiod_resolves_them(string written, string ns, string resolved) =>
        Assert.Equal(resolved, GatewayNames.Resolve(written, ns));

    [Fact]
    public void Gateways_depend_on_every_config_but_sidecars_and_on_visible_services_only()
    {
        var push = GoldenFiles.Load(Mesh, "selection");
        var scope = push.ScopeFor(Ingress);

        Assert.True(GatewayPushDependencies.DependsOn(new ConfigKey(ConfigKind.Gateway, "apps", "other"), scope, null));
        Assert.True(GatewayPushDependencies.DependsOn(new ConfigKey(ConfigKind.VirtualService, "apps", "web"), scope, null));
        Assert.False(GatewayPushDependencies.DependsOn(new ConfigKey(ConfigKind.Sidecar, "istio-system", "default"), scope, null));
        Assert.True(GatewayPushDependencies.DependsOn(new ConfigKey(ConfigKind.Service, "apps", "web.apps.svc.cluster.local"), scope, null));
        Assert.False(GatewayPushDependencies.DependsOn(new ConfigKey(ConfigKind.Service, "apps", "gone.apps.svc.cluster.local"), scope, null));
    }
}
