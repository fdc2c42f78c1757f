namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Model.Diagnostics;
using ControlPlane.Xds.Generation.Gateways;
using Envoy.Config.Listener.V3;

/// <summary>
/// Servers terminating TLS with secrets this control plane cannot deliver (a credential, ISTIO_MUTUAL) are not served,
/// are reported once each, and do not stop the rest of the Gateway.
/// </summary>
public sealed class GatewayServerReportTests
{
    [Fact]
    public void Terminating_servers_needing_secret_delivery_are_reported_once_and_the_rest_is_served()
    {
        var yaml = File.ReadAllText(Path.Combine(GatewayGoldens.Root(), "simple-rejected", "input.yaml"));
        var push = GoldenFiles.Load(yaml, "simple-rejected");
        var (_, proxy) = Assert.Single(GatewayProxies.Read(yaml, push.Mesh.DomainSuffix));
        var report = GatewayServerReport.Silent();

        var first = GatewaySnapshots.For(push, proxy, report);
        GatewaySnapshots.For(push, proxy, report);

        Assert.Equal(["0.0.0.0_80"], first.Listeners.Select(l => l.Unpack<Listener>().Name));
        Assert.Equal(2, report.Problems.Count);
        Assert.All(report.Problems, p =>
        {
            Assert.Equal(ProblemSeverity.Warning, p.Severity);
            Assert.Equal("Gateway", p.Kind);
            Assert.Equal("apps", p.Namespace);
            Assert.Equal("app", p.Name);
            Assert.Contains("SDS", p.Message, StringComparison.Ordinal);
        });
        Assert.Equal(["spec.servers[1].tls.credentialName", "spec.servers[2].tls.mode"], report.Problems.Select(p => p.Field));
        Assert.Contains("SIMPLE", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("ISTIO_MUTUAL", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_conflict_is_reported_with_the_server_that_lost()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: first, namespace: apps, creationTimestamp: "2024-01-01T00:00:00Z"}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 8000, name: http, protocol: HTTP}
                  hosts: ["*"]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: second, namespace: apps, creationTimestamp: "2024-01-02T00:00:00Z"}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 8000, name: tcp, protocol: TCP}
                  hosts: ["*"]
            """;
        var push = GoldenFiles.Load(yaml, "conflict");
        var proxy = GatewayProxies.Router("ingress-0", "istio-system", "10.0.0.2", new Dictionary<string, string> { ["istio"] = "ingressgateway" });
        var report = GatewayServerReport.Silent();

        GatewaySnapshots.For(push, proxy, report);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("second", problem.Name);
        Assert.Equal("spec.servers[0]", problem.Field);
        Assert.Contains("conflicts with the HTTP server", problem.Message, StringComparison.Ordinal);
    }
}
