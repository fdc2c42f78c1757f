namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Xds.Generation.Gateways;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// Listeners of servers terminating TLS with certificate files (the golden case <c>tls-termination-files</c> shows the
/// whole output): what decides whether a chain exists, how it is matched, and what is reported instead.
/// </summary>
public sealed class GatewayTlsTerminationTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: ingress-0, namespace: istio-system, labels: {istio: ingressgateway}}
        status: {phase: Running, podIP: 10.0.0.2}
        ---
        """;

    [Fact]
    public void An_https_server_for_every_host_matches_no_sni_but_still_inspects_tls_for_alpn()
    {
        var listener = Assert.Single(Listeners(Gateway("""
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: ["*"]
              tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}
            """)));

        var chain = Assert.Single(listener.FilterChains);
        Assert.Null(chain.FilterChainMatch);
        Assert.Equal("envoy.filters.listener.tls_inspector", Assert.Single(listener.ListenerFilters).Name);
        Assert.Equal("envoy.transport_sockets.tls", chain.TransportSocket.Name);
        var manager = Assert.Single(chain.Filters).TypedConfig.Unpack<HttpConnectionManager>();
        Assert.Equal(("outbound_0.0.0.0_443;", "https.443.https.gw.apps"), (manager.StatPrefix, manager.Rds.RouteConfigName));
    }

    [Fact]
    public void A_tls_server_terminating_tls_without_a_matching_tcp_route_gets_no_listener()
    {
        var listeners = Listeners(Gateway("""
            - port: {number: 5443, name: tls, protocol: TLS}
              hosts: [db.example.com]
              tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}
            """) + "\n" + """
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: db, namespace: apps}
            spec:
              hosts: [db.example.com]
              gateways: [gw]
              tls:
                - match: [{sniHosts: [db.example.com]}]
                  route: [{destination: {host: db.apps.svc.cluster.local}}]
            """);

        Assert.Empty(listeners);
    }

    [Fact]
    public void A_tls_server_terminating_tls_gets_alpn_h2_and_http11_like_https()
    {
        var listener = Assert.Single(Listeners(Gateway("""
            - port: {number: 5443, name: tls, protocol: TLS}
              hosts: [db.example.com]
              tls: {mode: MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem, caCertificates: /ca.pem}
            """) + "\n" + """
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: db, namespace: apps}
            spec:
              hosts: [db.example.com]
              gateways: [gw]
              tcp: [{route: [{destination: {host: db.apps.svc.cluster.local, port: {number: 5432}}}]}]
            """));

        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal(["db.example.com"], chain.FilterChainMatch.ServerNames);
        Assert.Equal("envoy.filters.network.tcp_proxy", Assert.Single(chain.Filters).Name);
        var tls = chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>();
        Assert.Equal(["h2", "http/1.1"], tls.CommonTlsContext.AlpnProtocols);
        Assert.True(tls.RequireClientCertificate);
    }

    [Fact]
    public void A_credential_server_is_reported_on_its_credential_field_and_file_servers_on_the_port_are_served()
    {
        var report = GatewayServerReport.Silent();
        var listener = Assert.Single(Listeners(Gateway("""
            - port: {number: 443, name: https, protocol: HTTPS}
              hosts: [a.example.com]
              tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}
            - port: {number: 443, name: https-b, protocol: HTTPS}
              hosts: [b.example.com]
              tls: {mode: MUTUAL, credentialNames: [b-rsa, b-ecdsa]}
            """), report));

        Assert.Equal(["a.example.com"], Assert.Single(listener.FilterChains).FilterChainMatch.ServerNames);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("spec.servers[1].tls.credentialNames", problem.Field);
        Assert.Contains("MUTUAL TLS with credentialNames needs the control plane to deliver that Kubernetes secret over SDS", problem.Message, StringComparison.Ordinal);
    }

    private static string Gateway(string servers) => Pod + "\n" + $$"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: apps}
        spec:
          selector: {istio: ingressgateway}
          servers:
        {{Indent(servers)}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: apps}
        spec:
          clusterIP: 10.96.0.20
          ports: [{name: tcp, port: 5432}]
        """;

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(line => "  " + line));

    private static List<Listener> Listeners(string yaml, GatewayServerReport? report = null)
    {
        var push = GoldenFiles.Load(yaml, "tls-termination");
        var proxy = GatewayProxies.Router("ingress-0", "istio-system", "10.0.0.2", new Dictionary<string, string> { ["istio"] = "ingressgateway" });
        return [.. GatewaySnapshots.For(push, proxy, report).Listeners.Select(l => l.Unpack<Listener>())];
    }
}
