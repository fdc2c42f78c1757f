namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Services;

public sealed class ServiceEntryConverterTests
{
    [Fact]
    public void StaticEntry_YieldsOneServicePerHostWithInlineEndpoints()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: billing, namespace: legacy}
            spec:
              hosts: [billing.internal, billing.corp.example]
              addresses: [240.0.0.10]
              location: MESH_INTERNAL
              resolution: STATIC
              exportTo: ["."]
              subjectAltNames: [spiffe://corp/billing]
              ports:
                - {number: 80, name: http, protocol: HTTP, targetPort: 8080}
                - {number: 9000, name: grpc, protocol: GRPC}
              endpoints:
                - address: 10.5.0.1
                  ports: {grpc: 19000}
                  labels: {version: v1, security.istio.io/tlsMode: istio}
                  locality: eu/west
                  weight: 5
                  serviceAccount: billing
                - address: 10.5.0.2
            """);

        result.AssertNoProblems();
        var entry = result.Config<ServiceEntry>("billing");
        Assert.Equal(2, result.Delta.UpsertedServices.Length);
        var service = result.Service("billing.corp.example");
        Assert.Equal(("legacy", "billing", "ServiceEntry", entry.ConfigPath), (service.Namespace, service.Name, service.Registry, service.ConfigPath));
        Assert.Equal((Resolution.ClientSideLb, MeshLocation.Internal), (service.Resolution, service.Location));
        Assert.Equal(["240.0.0.10"], service.Addresses.ToArray());
        Assert.True(service.ExportTo.Private);
        Assert.Equal([Protocol.Http, Protocol.Grpc], service.Ports.Select(p => p.Protocol).ToArray());
        var endpoints = result.Endpoints("billing.internal");
        Assert.Equal(
            ["10.5.0.1:8080/http", "10.5.0.1:19000/grpc", "10.5.0.2:8080/http", "10.5.0.2:9000/grpc"],
            endpoints.Select(e => $"{e.Address}:{e.Port}/{e.ServicePortName}").ToArray());
        Assert.Equal((5, "billing", "v1", true, "eu"), (endpoints[0].Weight, endpoints[0].ServiceAccount, endpoints[0].Labels["version"], endpoints[0].IstioMutualTls, endpoints[0].Locality.Region));
        Assert.Equal(1, endpoints[2].Weight);
    }

    [Fact]
    public void DnsEntryWithoutEndpoints_ResolvesTheHostItself()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: api}
            spec:
              hosts: [api.example.com]
              resolution: DNS
              ports: [{number: 443, name: https, protocol: HTTPS}]
            """);

        result.AssertNoProblems();
        var service = result.Service("api.example.com");
        Assert.Equal((Resolution.Dns, MeshLocation.External, "default"), (service.Resolution, service.Location, service.Namespace));
        var endpoint = Assert.Single(result.Endpoints("api.example.com"));
        Assert.Equal(("api.example.com", 443, "https"), (endpoint.Address, endpoint.Port, endpoint.ServicePortName));
        Assert.Single(result.Delta.UpsertedConfigs);
    }

    [Fact]
    public void WorkloadSelector_PicksWorkloadEntriesAndPodsOfTheNamespace()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: mixed, namespace: apps}
            spec:
              hosts: [mixed.apps.mesh]
              resolution: STATIC
              workloadSelector: {labels: {app: mixed}}
              ports: [{number: 80, name: http, protocol: HTTP, targetPort: 8080}]
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: vm, namespace: apps}
            spec: {address: 10.9.0.1, labels: {app: mixed}, ports: {http: 9999}}
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: elsewhere, namespace: other}
            spec: {address: 10.9.0.2, labels: {app: mixed}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: mixed-pod, namespace: apps, labels: {app: mixed}}
            status: {podIP: 10.9.0.3}
            """);

        result.AssertNoProblems();
        Assert.Equal(
            ["10.9.0.1:9999/vm", "10.9.0.3:8080/mixed-pod"],
            result.Endpoints("mixed.apps.mesh").Select(e => $"{e.Address}:{e.Port}/{e.WorkloadName}").ToArray());
    }

    [Theory]
    [InlineData("hosts: [\"*.example.com\"]\n  resolution: DNS\n  ports: [{number: 80, name: http, protocol: HTTP}]", "spec.hosts[0]", "wildcard")]
    [InlineData("hosts: [a.example.com]\n  ports: [{number: 80, name: http, protocol: HTTPX}]", "spec.ports[0].protocol", "HTTPX")]
    [InlineData("hosts: [a.example.com]\n  ports: [{number: 80, protocol: HTTP}]", "spec.ports[0].name", "required")]
    [InlineData("hosts: [a.example.com]\n  ports: [{number: 80, name: a, protocol: HTTP}, {number: 80, name: b, protocol: HTTP}]", "spec.ports[1].number", "more than once")]
    [InlineData("hosts: [a.example.com]\n  resolution: STATIC\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  endpoints: [{address: db.example.com}]", "spec.endpoints[0].address", "IP address")]
    [InlineData("hosts: [a.example.com]\n  resolution: STATIC\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  endpoints: [{address: 10.0.0.1, ports: {web: 8080}}]", "spec.endpoints[0].ports.web", "not declared")]
    [InlineData("hosts: [a.example.com]\n  resolution: NONE\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  endpoints: [{address: 10.0.0.1}]", "spec.endpoints", "NONE")]
    [InlineData("hosts: [a.example.com]\n  addresses: [10.0.0.300]", "spec.addresses[0]", "CIDR")]
    [InlineData("hosts: [a.example.com]\n  resolution: MAGIC", "spec.resolution", "MAGIC")]
    public void InvalidEntries_AreRejected(string spec, string field, string message)
    {
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {"{"}name: bad{"}"}
            spec:
              {spec}
            """);

        Assert.Empty(result.Delta.UpsertedServices);
        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostAlreadyProvided_IsWarnedAndFirstProviderKept()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: shadow, namespace: shop}
            spec:
              hosts: [web.shop.svc.cluster.local, extra.example.com]
              resolution: DNS
              ports: [{number: 80, name: http, protocol: HTTP}]
            """);

        var warning = Assert.Single(result.Warnings());
        Assert.Equal(("ServiceEntry", "shadow", "spec.hosts[0]"), (warning.Kind, warning.Name, warning.Field));
        Assert.Equal("Kubernetes", result.Service("web.shop.svc.cluster.local").Registry);
        Assert.Equal("ServiceEntry", result.Service("extra.example.com").Registry);
    }
}
