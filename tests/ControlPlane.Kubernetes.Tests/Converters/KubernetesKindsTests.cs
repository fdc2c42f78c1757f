namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Services;

public sealed class KubernetesKindsTests
{
    [Fact]
    public void Service_BecomesMeshServiceWithPortsProtocolsAndVisibility()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata:
              name: reviews
              namespace: bookshop
              labels: {app: reviews}
              annotations: {networking.istio.io/exportTo: ".,  frontend"}
            spec:
              clusterIP: 10.96.0.7
              selector: {app: reviews}
              ports:
                - {name: http-web, port: 9080, targetPort: 8080}
                - {name: grpc-api, port: 9090, targetPort: grpc}
                - {name: metrics, port: 9100, appProtocol: http}
                - {name: tcp-db, port: 5432}
                - {name: dns, port: 53, protocol: UDP}
            """);

        result.AssertNoProblems();
        var service = result.Service("reviews.bookshop.svc.cluster.local");
        Assert.Equal(("bookshop", "reviews"), (service.Namespace, service.Name));
        Assert.Equal(["10.96.0.7"], service.Addresses.ToArray());
        Assert.Equal(Resolution.ClientSideLb, service.Resolution);
        Assert.Equal("reviews", service.Selector["app"]);
        Assert.Equal(
            [Protocol.Http, Protocol.Grpc, Protocol.Http, Protocol.Tcp, Protocol.Udp],
            service.Ports.Select(p => p.Protocol).ToArray());
        Assert.Equal(8080, service.Ports[0].TargetPort);
        Assert.Equal("grpc", service.Ports[1].TargetPortName);
        Assert.True(service.ExportTo.Private);
        Assert.Equal(["frontend"], service.ExportTo.Namespaces.ToArray());
        Assert.False(service.ExportTo.Public);
    }

    [Fact]
    public void HeadlessAndExternalNameServices_GetTheirResolutions()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: data}
            spec: {clusterIP: None, selector: {app: db}, ports: [{name: tcp, port: 5432}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: legacy, namespace: data}
            spec: {type: ExternalName, externalName: legacy.example.com}
            """);

        result.AssertNoProblems();
        var headless = result.Service("db.data.svc.cluster.local");
        Assert.Equal(Resolution.Passthrough, headless.Resolution);
        Assert.True(headless.Addresses.IsEmpty);
        Assert.Equal(Resolution.Alias, result.Service("legacy.data.svc.cluster.local").Resolution);
        Assert.Empty(result.Endpoints("legacy.data.svc.cluster.local"));
    }

    [Fact]
    public void MissingNamespace_MeansDefault_AndNamespacesAreCollected()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {istio-injection: enabled}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ports: [{port: 80}]}
            """);

        result.AssertNoProblems();
        Assert.Equal("default", result.Service("web.default.svc.cluster.local").Namespace);
        var namespaces = result.Delta.UpsertedNamespaces.ToDictionary(n => n.Name);
        Assert.Equal("enabled", namespaces["shop"].Labels["istio-injection"]);
        Assert.Empty(namespaces["default"].Labels);
    }

    [Fact]
    public void CreationTimestamp_IsReadWhenPresentAndMinValueOtherwise()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: dated, creationTimestamp: "2024-05-01T10:00:00Z"}
            spec: {host: a}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: undated}
            spec: {host: b}
            """);

        result.AssertNoProblems();
        var dated = result.Delta.UpsertedConfigs.Single(c => c.Meta.Name == "dated");
        var undated = result.Delta.UpsertedConfigs.Single(c => c.Meta.Name == "undated");
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero), dated.Meta.CreationTimestamp);
        Assert.Equal(DateTimeOffset.MinValue, undated.Meta.CreationTimestamp);
        Assert.Equal(TestYaml.Origin, undated.Meta.Origin);
    }

    [Fact]
    public void ServicePortErrors_NameTheField()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: bad, namespace: ns}
            spec:
              clusterIP: not-an-ip
              ports:
                - {name: http, port: 80}
                - {port: 81, targetPort: "123"}
            """);

        Assert.Empty(result.Delta.UpsertedServices);
        Assert.Equal(
            ["spec.clusterIP", "spec.ports[1].name", "spec.ports[1].targetPort"],
            result.Errors().Select(e => e.Field).Order().ToArray());
    }
}
