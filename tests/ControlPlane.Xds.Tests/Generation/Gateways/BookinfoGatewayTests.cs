namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Testing.SharedData;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;

/// <summary>
/// Istio's bookinfo ingress (<c>samples/bookinfo/networking/bookinfo-gateway.yaml</c>), read at test time from the shared
/// reference data on top of bookinfo's platform YAML, served to an ingress gateway pod in istio-system. The snapshot must
/// be consistent, show istiod's names, and equal the files in <c>Golden/bookinfo-gateway</c>.
/// </summary>
public sealed class BookinfoGatewayTests
{
    private const string ProxyName = "istio-ingressgateway-0.istio-system";

    /// <summary>The ingress gateway pod and one productpage pod, so the gateway's EDS has an endpoint to show.</summary>
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: istio-ingressgateway-0
          namespace: istio-system
          labels: {istio: ingressgateway, app: istio-ingressgateway}
        status: {phase: Running, podIP: 10.1.0.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: productpage-v1-0
          namespace: default
          labels: {app: productpage, version: v1, security.istio.io/tlsMode: istio}
        spec: {serviceAccountName: bookinfo-productpage}
        status: {phase: Running, podIP: 10.1.0.10}
        """;

    [SharedDataFact]
    public void Bookinfo_gateway_is_served_as_istiod_names_it()
    {
        var snapshot = Generate();
        XdsSnapshotConsistency.AssertConsistent(snapshot);

        var listener = Assert.Single(snapshot.Listeners).Unpack<Listener>();
        Assert.Equal("0.0.0.0_8080", listener.Name);
        Assert.Equal(8080u, listener.Address.SocketAddress.PortValue);
        var manager = Assert.Single(Assert.Single(listener.FilterChains).Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal("http.8080", manager.Rds.RouteConfigName);
        Assert.Equal("outbound_0.0.0.0_8080;", manager.StatPrefix);
        Assert.True(manager.UseRemoteAddress);

        var routes = Assert.Single(snapshot.Routes).Unpack<RouteConfiguration>();
        Assert.Equal("http.8080", routes.Name);
        var host = Assert.Single(routes.VirtualHosts);
        Assert.Equal("*:8080", host.Name);
        Assert.Equal(["*"], host.Domains);
        Assert.Equal(5, host.Routes.Count);
        Assert.All(host.Routes, r => Assert.Equal(ClusterName.Outbound(9080, "", "productpage.default.svc.cluster.local"), r.Route_.Cluster));
        Assert.Equal("/productpage", host.Routes[0].Match.Path);
        Assert.Equal("/static", host.Routes[1].Match.Prefix);
    }

    [SharedDataFact]
    public void Bookinfo_gateway_matches_its_golden()
    {
        var directory = Path.Combine(GatewayGoldens.Root(), "bookinfo-gateway");
        var mismatches = GoldenFiles.Compare(directory, ProxyName, Generate()).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\nRun with UPDATE_GOLDENS=1 to accept the new output.");
    }

    private static XdsSnapshot Generate()
    {
        var istio = SharedData.Require();
        var bookinfo = Path.Combine(istio, "samples", "bookinfo");
        var text = string.Join("\n---\n",
            File.ReadAllText(Path.Combine(bookinfo, "platform", "kube", "bookinfo.yaml")),
            File.ReadAllText(Path.Combine(bookinfo, "networking", "bookinfo-gateway.yaml")),
            Pods);
        var push = GoldenFiles.Load(text, "bookinfo-gateway");
        var proxy = GatewayProxies.Router("istio-ingressgateway-0", "istio-system", "10.1.0.2",
            new Dictionary<string, string> { ["istio"] = "ingressgateway", ["app"] = "istio-ingressgateway" });
        return GatewaySnapshots.For(push, proxy);
    }
}
