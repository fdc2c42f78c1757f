namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Gateways;
using ControlPlane.Xds.Pushing;

/// <summary>Full pushes reach gateway proxies for Gateway and gateway-bound VirtualService changes, never for Sidecars.</summary>
public sealed class GatewayPushSelectionTests
{
    private const string Mesh = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: apps}
        spec:
          clusterIP: 10.96.1.10
          ports: [{name: http, port: 8000}]
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: web, namespace: apps}
        spec:
          selector: {istio: ingressgateway}
          servers:
            - port: {number: 8000, name: http, protocol: HTTP}
              hosts: ["*"]
        """;

    [Theory]
    [InlineData(ConfigKind.Gateway, "apps", "web", true)]
    [InlineData(ConfigKind.VirtualService, "apps", "bound-to-gateway", true)]
    [InlineData(ConfigKind.Service, "apps", "web.apps.svc.cluster.local", true)]
    [InlineData(ConfigKind.Service, "apps", "unknown.apps.svc.cluster.local", false)]
    [InlineData(ConfigKind.Sidecar, "istio-system", "default", false)]
    public void A_full_push_reaches_a_gateway_when_it_depends_on_the_change(ConfigKind kind, string ns, string name, bool expected)
    {
        var push = GoldenFiles.Load(Mesh, "push");
        var target = new RouterTarget(GatewayProxies.Router("ingress-0", "istio-system", "10.0.0.2", new Dictionary<string, string> { ["istio"] = "ingressgateway" }));
        var request = new PushRequest
        {
            Full = true,
            ConfigsUpdated = [new ConfigKey(kind, ns, name)],
            Reasons = ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.ConfigUpdate, 1),
        };

        var selected = PushTargetSelector.NeedsPush(target, request, FrozenSet<string>.Empty, push, push);

        Assert.Equal(expected, selected);
    }

    [Fact]
    public void Gateway_changes_regenerate_gateway_listeners_routes_and_clusters_but_not_endpoints()
    {
        var generators = new GatewayGenerators(GatewayServerReport.Silent()).ByTypeUrl;
        var request = new PushRequest
        {
            Full = true,
            ConfigsUpdated = [new ConfigKey(ConfigKind.Gateway, "apps", "web")],
            Reasons = ImmutableDictionary<PushReason, int>.Empty.Add(PushReason.ConfigUpdate, 1),
        };

        Assert.True(generators[TypeUrls.Listener].IsAffectedBy(request));
        Assert.True(generators[TypeUrls.Route].IsAffectedBy(request));
        Assert.True(generators[TypeUrls.Cluster].IsAffectedBy(request));
        Assert.False(generators[TypeUrls.Endpoint].IsAffectedBy(request));
    }

    [Fact]
    public void Endpoint_pushes_find_the_host_of_SNI_DNAT_cluster_names()
    {
        Assert.True(EdsClusterName.TryGetHost("outbound_.9080_.v1_.reviews.apps.svc.cluster.local", out var host));
        Assert.Equal("reviews.apps.svc.cluster.local", host);
        Assert.False(EdsClusterName.TryGetHost("outbound_.9080_.v1", out _));
    }

    private sealed class RouterTarget(Proxy proxy) : IPushTarget
    {
        public string Id => proxy.Id;

        public Proxy Proxy => proxy;

        public IReadOnlyDictionary<string, WatchedResources> Watches { get; } = new Dictionary<string, WatchedResources>();

        public void Enqueue(PendingPush push)
        {
        }
    }
}
