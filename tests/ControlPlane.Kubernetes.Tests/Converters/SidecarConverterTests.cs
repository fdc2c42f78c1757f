namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;

/// <summary>Sidecar ingress, inbound connection pools and the egress proxy, validated as istiod's <c>ValidateSidecar</c>.</summary>
public sealed class SidecarConverterTests
{
    [Fact]
    public void Ingress_pools_and_egress_proxy_are_converted_without_warnings()
    {
        var result = Load("""
              ingress:
                - port: {number: 8080, protocol: HTTP, name: http}
                  bind: 10.0.0.5
                  captureMode: NONE
                  defaultEndpoint: unix:///var/run/app.sock
                  connectionPool: {tcp: {maxConnections: 30}}
                - port: {number: 9090, protocol: TCP}
                  defaultEndpoint: "[::1]:9091"
              inboundConnectionPool: {http: {http2MaxRequests: 200}}
              outboundTrafficPolicy:
                mode: ALLOW_ANY
                egressProxy: {host: istio-egressgateway.istio-system.svc.cluster.local, subset: v1, port: {number: 443}}
            """);

        result.AssertNoProblems();
        var sidecar = result.Config<Sidecar>("s");
        var http = sidecar.Ingress[0];
        Assert.Equal(("10.0.0.5", CaptureMode.None, "unix:///var/run/app.sock", 30), (http.Bind, http.CaptureMode, http.DefaultEndpoint, http.ConnectionPool!.MaxConnections));
        Assert.Equal(new SidecarPort(9090, Protocol.Tcp, ""), sidecar.Ingress[1].Port);
        Assert.Equal(200, sidecar.InboundConnectionPool!.Http2MaxRequests);
        Assert.Equal(new Destination("istio-egressgateway.istio-system.svc.cluster.local", "v1", 443), sidecar.EgressProxy);
        Assert.Equal(30, sidecar.InboundConnectionPoolFor(8080)!.MaxConnections);
        Assert.Equal(200, sidecar.InboundConnectionPoolFor(9090)!.Http2MaxRequests);
    }

    [Fact]
    public void A_policy_without_mode_is_registry_only_as_the_api_enum_default()
    {
        var result = Load("outboundTrafficPolicy: {}");

        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, result.Config<Sidecar>("s").OutboundTrafficPolicy);
    }

    [Theory]
    [InlineData("ingress: [{port: {number: 80}, defaultEndpoint: \"10.1.1.1:80\"}]", "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 80}, defaultEndpoint: \"127.0.0.1\"}]", "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 80}, defaultEndpoint: \"127.0.0.1:0\"}]", "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 80}, defaultEndpoint: \"unix://relative.sock\"}]", "spec.ingress[0].defaultEndpoint")]
    [InlineData("ingress: [{port: {number: 80}, bind: localhost}]", "spec.ingress[0].bind")]
    [InlineData("ingress: [{port: {number: 0}}]", "spec.ingress[0].port.number")]
    [InlineData("ingress: [{port: {number: 80, targetPort: 8080}}]", "spec.ingress[0].port.targetPort")]
    [InlineData("ingress: [{port: {number: 80, name: Bad_Name}}]", "spec.ingress[0].port.name")]
    [InlineData("ingress: [{port: {number: 80}}, {port: {number: 80}}]", "spec.ingress[1].port.number")]
    [InlineData("ingress: [{port: {number: 80}, connectionPool: {}}]", "spec.ingress[0].connectionPool")]
    [InlineData("ingress: [{port: {number: 443, protocol: HTTPS}, tls: {mode: SIMPLE, privateKey: /k.pem}}]", "spec.ingress[0].tls.serverCertificate")]
    [InlineData("ingress: [{port: {number: 443, protocol: HTTPS}, tls: {mode: SIMPLE, credentialName: c}}]", "spec.ingress[0].tls.credentialName")]
    [InlineData("ingress: [{port: {number: 80, protocol: HTTP}, tls: {mode: PASSTHROUGH}}]", "spec.ingress[0].tls")]
    [InlineData("inboundConnectionPool: {tcp: {maxConnections: -1}}", "spec.inboundConnectionPool.tcp.maxConnections")]
    [InlineData("egress: [{port: {number: 80, targetPort: 8080}, hosts: [\"./*\"]}]", "spec.egress[0].port.targetPort")]
    [InlineData("egress: [{port: {number: 80}, bind: \"unix:///a.sock\", hosts: [\"./*\"]}]", "spec.egress[0].bind")]
    [InlineData("egress: [{port: {number: 80}, hosts: [\"./*\"]}, {port: {number: 80}, hosts: [\"./*\"]}]", "spec.egress[1].port.number")]
    [InlineData("outboundTrafficPolicy: {mode: REGISTRY_ONLY, egressProxy: {host: egress.example.com, port: {number: 443}}}", "spec.outboundTrafficPolicy.egressProxy")]
    [InlineData("outboundTrafficPolicy: {egressProxy: {host: egress.example.com, port: {number: 443}}}", "spec.outboundTrafficPolicy.egressProxy")]
    [InlineData("outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: egress.example.com}}", "spec.outboundTrafficPolicy.egressProxy.port")]
    [InlineData("outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: \"Egress_Gw\", port: {number: 443}}}", "spec.outboundTrafficPolicy.egressProxy.host")]
    public void Invalid_fields_are_rejected(string spec, string field)
    {
        var result = Load(spec);

        Assert.Empty(result.Delta.UpsertedConfigs);
        Assert.Equal(field, Assert.Single(result.Errors()).Field);
    }

    [Fact]
    public void Ingress_tls_is_validated_then_ignored_with_a_warning()
    {
        var result = Load("ingress: [{port: {number: 443, protocol: HTTPS}, tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]");

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings());
        Assert.Equal("spec.ingress[0].tls", warning.Field);
        Assert.Contains("ENABLE_TLS_ON_SIDECAR_INGRESS", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_pool_settings_on_a_non_http_ingress_port_warn()
    {
        var result = Load("ingress: [{port: {number: 9000, protocol: TCP}, connectionPool: {http: {maxRetries: 2}}}]");

        Assert.Empty(result.Errors());
        Assert.Equal("spec.ingress[0].connectionPool.http", Assert.Single(result.Warnings()).Field);
    }

    private static Kubernetes.Yaml.YamlLoadResult Load(string spec) => TestYaml.Load($"""
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {"{"}name: s, namespace: default{"}"}
        spec:
          {spec.Replace("\n", "\n  ", StringComparison.Ordinal)}
        """);
}
