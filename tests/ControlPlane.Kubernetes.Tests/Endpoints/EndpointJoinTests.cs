namespace ControlPlane.Kubernetes.Tests.Endpoints;

using ControlPlane.Model.Services;

public sealed class EndpointJoinTests
{
    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec:
          clusterIP: 10.96.1.1
          selector: {app: api}
          ports:
            - {name: http, port: 80, targetPort: web}
            - {name: grpc-admin, port: 9000, targetPort: 9001}
        """;

    private static string Pod(string name, string ip, string version, string ready = "True", string phase = "Running", string ns = "shop") => $$"""

        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{name}}
          namespace: {{ns}}
          labels: {app: api, version: {{version}}, security.istio.io/tlsMode: istio, istio-locality: eu-west.eu-west-1a.rack4}
        spec:
          serviceAccountName: api-sa
          containers:
            - name: main
              ports: [{name: web, containerPort: 8080}]
        status:
          phase: {{phase}}
          podIP: {{ip}}
          conditions: [{type: Ready, status: "{{ready}}"}]
        """;

    [Fact]
    public void WithoutSlices_EndpointsAreDerivedFromSelectedRunningPods()
    {
        var result = TestYaml.Load(
            Service + Pod("api-1", "10.1.0.1", "v1") + Pod("api-2", "10.1.0.2", "v2", ready: "False")
            + Pod("api-3", "10.1.0.3", "v1", phase: "Pending") + Pod("api-4", "10.1.0.4", "v1", ns: "other"));

        result.AssertNoProblems();
        var endpoints = result.Endpoints("api.shop.svc.cluster.local");
        Assert.Equal(
            ["10.1.0.1:8080/http", "10.1.0.1:9001/grpc-admin", "10.1.0.2:8080/http", "10.1.0.2:9001/grpc-admin"],
            endpoints.Select(e => $"{e.Address}:{e.Port}/{e.ServicePortName}").ToArray());
        var first = endpoints[0];
        Assert.Equal(HealthStatus.Healthy, first.Health);
        Assert.Equal("api-sa", first.ServiceAccount);
        Assert.Equal("api-1", first.WorkloadName);
        Assert.Equal("shop", first.Namespace);
        Assert.Equal("v1", first.Labels["version"]);
        Assert.True(first.IstioMutualTls);
        Assert.Equal(new Locality("eu-west", "eu-west-1a", "rack4"), first.Locality);
        Assert.Equal(HealthStatus.Unhealthy, endpoints[2].Health);
    }

    [Fact]
    public void NamedTargetPortMissingOnPod_LeavesThatPortOut()
    {
        var result = TestYaml.Load(Service + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: bare, namespace: shop, labels: {app: api}}
            spec: {containers: [{name: main}]}
            status: {podIP: 10.1.0.9}
            """);

        result.AssertNoProblems();
        var endpoint = Assert.Single(result.Endpoints("api.shop.svc.cluster.local"));
        Assert.Equal((9001, "grpc-admin"), (endpoint.Port, endpoint.ServicePortName));
        Assert.False(endpoint.IstioMutualTls);
    }

    [Fact]
    public void Slices_AreJoinedToPodsAndReplaceDerivation()
    {
        var result = TestYaml.Load(Service + Pod("api-1", "10.1.0.1", "v1") + Pod("api-2", "10.1.0.2", "v2") + """

            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: api-abc, namespace: shop, labels: {kubernetes.io/service-name: api}}
            addressType: IPv4
            ports: [{name: http, port: 8080, protocol: TCP}]
            endpoints:
              - addresses: [10.1.0.1]
                conditions: {ready: true}
                targetRef: {kind: Pod, name: api-1, namespace: shop}
              - addresses: [10.1.0.7]
                conditions: {ready: false, serving: true, terminating: true}
                zone: zone-b
                targetRef: {kind: Pod, name: gone}
              - addresses: [10.1.0.8]
                conditions: {ready: false}
            """);

        result.AssertNoProblems();
        var endpoints = result.Endpoints("api.shop.svc.cluster.local");
        Assert.Equal(["10.1.0.1", "10.1.0.7", "10.1.0.8"], endpoints.Select(e => e.Address).ToArray());
        Assert.All(endpoints, e => Assert.Equal((8080, "http"), (e.Port, e.ServicePortName)));
        Assert.Equal("api-sa", endpoints[0].ServiceAccount);
        Assert.Equal("v1", endpoints[0].Labels["version"]);
        Assert.Equal(HealthStatus.Draining, endpoints[1].Health);
        Assert.Empty(endpoints[1].Labels);
        Assert.Equal("gone", endpoints[1].WorkloadName);
        Assert.Equal("zone-b", endpoints[1].Locality.Zone);
        Assert.Equal(HealthStatus.Unhealthy, endpoints[2].Health);
    }

    [Fact]
    public void TopologyLabels_GiveLocalityWhenNoIstioLabel()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec: {selector: {app: s}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: s-1
              labels: {app: s, topology.kubernetes.io/region: us-east1, topology.kubernetes.io/zone: us-east1-b}
            status: {podIP: 10.2.0.1, phase: Running}
            """);

        var endpoint = Assert.Single(result.Endpoints("s.default.svc.cluster.local"));
        Assert.Equal(new Locality("us-east1", "us-east1-b"), endpoint.Locality);
        Assert.Equal("default", endpoint.ServiceAccount);
    }

    [Fact]
    public void ServiceSelector_AlsoPicksWorkloadEntries()
    {
        var result = TestYaml.Load(Service + """

            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: vm-1, namespace: shop}
            spec:
              address: 192.168.5.5
              ports: {http: 18080}
              labels: {app: api}
              serviceAccount: vm-sa
              locality: us/zone1
              weight: 3
            """);

        result.AssertNoProblems();
        var endpoints = result.Endpoints("api.shop.svc.cluster.local");
        Assert.Equal(["192.168.5.5:9001/grpc-admin", "192.168.5.5:18080/http"], endpoints.Select(e => $"{e.Address}:{e.Port}/{e.ServicePortName}").ToArray());
        Assert.All(endpoints, e => Assert.Equal((3, "vm-sa", "vm-1"), (e.Weight, e.ServiceAccount, e.WorkloadName)));
        Assert.Equal(new Locality("us", "zone1"), endpoints[1].Locality);
    }
}
