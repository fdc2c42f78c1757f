namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Services;

public sealed class SidecarAndGatewayConverterTests
{
    [Fact]
    public void Sidecar_IsConverted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1alpha3
            kind: Sidecar
            metadata: {name: ratings, namespace: books}
            spec:
              workloadSelector: {labels: {app: ratings}}
              ingress:
                - port: {number: 9080, protocol: HTTP, name: http}
                  defaultEndpoint: 127.0.0.1:8080
                  captureMode: IPTABLES
              egress:
                - port: {number: 3306, protocol: MYSQL, name: mysql}
                  bind: 127.0.0.1
                  captureMode: NONE
                  hosts: [data/mysql.data.svc.cluster.local]
                - hosts: ["./*", "istio-system/*"]
              outboundTrafficPolicy: {mode: REGISTRY_ONLY}
            """);

        Assert.Empty(result.Errors());
        Assert.Empty(result.Warnings());
        var sidecar = result.Config<Sidecar>("ratings");
        Assert.Equal("ratings", sidecar.WorkloadSelector!.MatchLabels["app"]);
        var ingress = Assert.Single(sidecar.Ingress);
        Assert.Equal((new SidecarPort(9080, Protocol.Http, "http"), "127.0.0.1:8080", CaptureMode.IpTables), (ingress.Port, ingress.DefaultEndpoint, ingress.CaptureMode));
        Assert.Equal(new SidecarPort(3306, Protocol.MySql, "mysql"), sidecar.Egress[0].Port);
        Assert.Equal(("127.0.0.1", CaptureMode.None), (sidecar.Egress[0].Bind, sidecar.Egress[0].CaptureMode));
        Assert.Null(sidecar.Egress[1].Port);
        Assert.Equal(["./*", "istio-system/*"], sidecar.Egress[1].Hosts.ToArray());
        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, sidecar.OutboundTrafficPolicy);
    }

    [Theory]
    [InlineData("egress: [{hosts: [reviews.books.svc.cluster.local]}]", "spec.egress[0].hosts[0]")]
    [InlineData("egress: [{hosts: [\"./*\"]}, {port: {number: 80, protocol: HTTP}, hosts: [\"./*\"]}]", "spec.egress[0]")]
    [InlineData("egress: [{hosts: []}]", "spec.egress[0].hosts")]
    [InlineData("workloadSelector: {labels: {\"*\": x}}\n  egress: [{hosts: [\"./*\"]}]", "spec.workloadSelector.labels")]
    [InlineData("outboundTrafficPolicy: {mode: DENY}", "spec.outboundTrafficPolicy.mode")]
    [InlineData("{}", "spec")]
    public void InvalidSidecars_AreRejected(string spec, string field)
    {
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {"{"}name: bad{"}"}
            spec:
              {spec}
            """);

        Assert.Empty(result.Delta.UpsertedConfigs);
        Assert.Equal(field, Assert.Single(result.Errors()).Field);
    }

    [Fact]
    public void Gateway_IsConverted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: edge, namespace: ingress}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*.example.com"]
                  tls: {httpsRedirect: true}
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: [shop/shop.example.com]
                  name: secure
                  bind: 0.0.0.0
                  tls: {mode: PASSTHROUGH}
            """);

        result.AssertNoProblems();
        var gateway = result.Config<Gateway>("edge");
        Assert.Equal("ingressgateway", gateway.Selector["istio"]);
        Assert.True(gateway.Servers[0].Tls!.HttpsRedirect);
        var secure = gateway.Servers[1];
        Assert.Equal((443, Protocol.Https, "https", "secure", "0.0.0.0"), (secure.Port, secure.Protocol, secure.PortName, secure.Name, secure.Bind));
        Assert.Equal(GatewayTlsMode.Passthrough, secure.Tls!.Mode);
    }

    [Fact]
    public void HttpsGatewayServerWithoutTls_IsRejected()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: edge}
            spec:
              servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"]}]
            """);

        Assert.Equal("spec.servers[0].tls", Assert.Single(result.Errors()).Field);
    }

    [Fact]
    public void GatewayServerPortWithTargetPort_IsRejectedAsIstiodRejectsIt()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: edge}
            spec:
              servers: [{port: {number: 80, name: http, protocol: HTTP, targetPort: 8080}, hosts: ["*"]}]
            """);

        var error = Assert.Single(result.Errors());
        Assert.Equal("spec.servers[0].port.targetPort", error.Field);
        Assert.StartsWith("targetPort has no impact on Gateways", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkloadEntry_IsConverted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: vm, namespace: legacy}
            spec:
              address: 10.0.9.9
              ports: {http: 8080}
              labels: {app: billing}
              network: vpc-1
              locality: eu/west/a
              weight: 2
              serviceAccount: billing
            """);

        result.AssertNoProblems();
        var spec = result.Config<WorkloadEntry>("vm").Spec;
        Assert.Equal(("10.0.9.9", 8080, "billing", "vpc-1", "eu/west/a", 2, "billing"), (spec.Address, spec.Ports["http"], spec.Labels["app"], spec.Network, spec.Locality, spec.Weight, spec.ServiceAccount));
    }
}
