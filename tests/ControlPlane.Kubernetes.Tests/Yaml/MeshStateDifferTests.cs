namespace ControlPlane.Kubernetes.Tests.Yaml;

using ControlPlane.Kubernetes.Yaml;

public sealed class MeshStateDifferTests
{
    private const string Base = """
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop, labels: {app: api, tier: backend}}
        spec: {selector: {app: api}, ports: [{name: http, port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api-1, namespace: shop, labels: {app: api}}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: api, namespace: shop}
        spec: {host: api, subsets: [{name: v1, labels: {version: v1, track: stable}}]}
        """;

    [Fact]
    public void IdenticalContent_GivesAnEmptyDelta()
    {
        var differ = new MeshStateDiffer();
        Assert.False(differ.Diff(TestYaml.Load(Base).Delta).IsEmpty);

        Assert.True(differ.Diff(TestYaml.Load(Base).Delta).IsEmpty);
    }

    [Fact]
    public void EndpointOnlyChange_UpsertsOnlyThatServicesEndpoints()
    {
        var differ = new MeshStateDiffer();
        differ.Diff(TestYaml.Load(Base).Delta);

        var delta = differ.Diff(TestYaml.Load(Base.Replace("10.0.0.1", "10.0.0.2", StringComparison.Ordinal)).Delta);

        Assert.True(delta.UpsertedServices.IsEmpty);
        Assert.True(delta.UpsertedConfigs.IsEmpty);
        Assert.Equal("10.0.0.2", Assert.Single(Assert.Single(delta.UpsertedEndpoints).Endpoints).Address);
    }

    [Fact]
    public void VanishedObjects_AreRemoved()
    {
        var differ = new MeshStateDiffer();
        differ.Diff(TestYaml.Load(Base).Delta);

        var delta = differ.Diff(TestYaml.Load("apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n").Delta);

        Assert.Equal("api.shop.svc.cluster.local", Assert.Single(delta.RemovedServices).Hostname);
        Assert.Equal("api", Assert.Single(delta.RemovedConfigs).Name);
        Assert.Equal(["shop"], delta.RemovedNamespaces.ToArray());
        Assert.Equal("other", Assert.Single(delta.UpsertedNamespaces).Name);
    }
}
