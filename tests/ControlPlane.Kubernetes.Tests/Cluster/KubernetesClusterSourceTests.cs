namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Testing.Kubernetes;

/// <summary>The cluster source end to end below the host: fake API server, real client and informers, real store.</summary>
public sealed class KubernetesClusterSourceTests
{
    private static readonly Dictionary<string, string> WebLabels = new() { ["app"] = "web" };

    [Fact]
    public async Task Readiness_waits_for_every_informer_then_the_whole_cluster_is_applied()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(initialBackoff: TimeSpan.FromMilliseconds(200));
        Seed(h.Server.Store);
        h.Server.FailNextRequests(500, 1, watch: false);

        await h.StartAsync();
        await h.Server.WaitForRequestAsync(r => !r.Watch);
        Assert.False(h.Readiness.IsReady);
        Assert.False(h.Readiness.Status[KubernetesClusterSource.Name]);

        await h.Readiness.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var mesh = h.Store.Current;
        var web = mesh.Services[ClusterSourceHarness.Key("shop", "web")];
        Assert.Equal("10.96.0.10", Assert.Single(web.Addresses));
        var endpoint = Assert.Single(mesh.Endpoints[web.Key].Endpoints);
        Assert.Equal("10.1.0.1", endpoint.Address);
        Assert.Equal("eu-west", endpoint.Locality.Region);
        Assert.Equal("eu-west-1a", endpoint.Locality.Zone);
        Assert.Contains(mesh.Configs.Values, c => c.Kind.ToString() == "VirtualService" && c.Meta.Name == "web" && c.Meta.Namespace == "shop");
        Assert.Equal("enabled", mesh.Namespaces["shop"]["istio-injection"]);
        Assert.All(h.Server.Requests.Where(r => r.Watch), r => Assert.True(r.AllowWatchBookmarks));
    }

    [Fact]
    public async Task A_pod_change_becomes_an_endpoint_only_push_and_converts_only_that_pod()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h.Server.Store);
        await h.StartAndSyncAsync();
        Assert.True((await h.NextPushAsync()).Full);
        var conversions = h.Source.Conversions;

        h.Server.Store.Update(FakeObjects.Pod("shop", "web-1", "10.1.0.2", WebLabels, node: "node-a"));

        var push = await h.NextPushAsync();
        Assert.False(push.Full);
        var endpoint = Assert.Single(h.Store.Current.Endpoints[ClusterSourceHarness.Key("shop", "web")].Endpoints);
        Assert.Equal("10.1.0.2", endpoint.Address);
        Assert.Equal(conversions + 1, h.Source.Conversions);
    }

    [Fact]
    public async Task Istio_objects_created_updated_and_deleted_reach_the_store()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h.Server.Store);
        await h.StartAndSyncAsync();
        await h.NextPushAsync();

        h.Server.Store.Create(FakeObjects.Istio("DestinationRule", "shop", "web", new JsonObject
        {
            ["host"] = "web",
            ["subsets"] = new JsonArray(new JsonObject { ["name"] = "v1", ["labels"] = new JsonObject { ["version"] = "v1" } }),
        }));
        var created = await h.NextPushAsync();
        Assert.Contains(created.ConfigsUpdated, k => k.Name == "web" && k.Kind.ToString() == "DestinationRule");

        h.Server.Store.Delete("networking.istio.io/v1", "VirtualService", "shop", "web");
        await h.NextPushAsync();
        Assert.DoesNotContain(h.Store.Current.Configs.Values, c => c.Kind.ToString() == "VirtualService");
        Assert.Contains(h.Store.Current.Configs.Values, c => c.Kind.ToString() == "DestinationRule");

        h.Server.Store.Delete("v1", "Service", "shop", "web");
        await h.NextPushAsync();
        Assert.DoesNotContain(ClusterSourceHarness.Key("shop", "web"), h.Store.Current.Services.Keys);
    }

    [Fact]
    public async Task An_invalid_object_is_rejected_and_reported_while_the_rest_is_served()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h.Server.Store);
        h.Server.Store.Create(FakeObjects.Istio("VirtualService", "shop", "broken", new JsonObject { ["hosts"] = new JsonArray("web") }));

        await h.StartAndSyncAsync();

        var problem = Assert.Single(h.Source.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal("broken", problem.Name);
        Assert.Equal("kubernetes:VirtualService/shop/broken#0", problem.Origin);
        Assert.Contains(h.Store.Current.Configs.Values, c => c.Meta.Name == "web");
        Assert.DoesNotContain(h.Store.Current.Configs.Values, c => c.Meta.Name == "broken");
    }

    [Fact]
    public async Task EndpointSlices_are_joined_to_pods_and_a_slice_change_is_an_endpoint_only_push()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h.Server.Store);
        h.Server.Store.Create(FakeObjects.EndpointSlice("shop", "web-abc", "web", 8080, ("web-1", "10.1.0.1")));
        await h.StartAndSyncAsync();
        await h.NextPushAsync();
        var key = ClusterSourceHarness.Key("shop", "web");
        Assert.Equal("web-1", Assert.Single(h.Store.Current.Endpoints[key].Endpoints).WorkloadName);

        h.Server.Store.Create(FakeObjects.Pod("shop", "web-2", "10.1.0.7", WebLabels, node: "node-a"));
        h.Server.Store.Update(FakeObjects.EndpointSlice("shop", "web-abc", "web", 8080, ("web-1", "10.1.0.1"), ("web-2", "10.1.0.7")));

        var push = await h.NextPushAsync();
        while (h.Store.Current.Endpoints[key].Endpoints.Length < 2)
        {
            push = await h.NextPushAsync();
        }

        Assert.False(push.Full);
        Assert.Equal(["10.1.0.1", "10.1.0.7"], h.Store.Current.Endpoints[key].Endpoints.Select(e => e.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Relabelling_a_node_moves_its_pods_endpoints_to_the_new_locality()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h.Server.Store);
        await h.StartAndSyncAsync();
        await h.NextPushAsync();

        h.Server.Store.Update(FakeObjects.Node("node-a", "us-east", "us-east-1b"));

        Assert.False((await h.NextPushAsync()).Full);
        var endpoint = Assert.Single(h.Store.Current.Endpoints[ClusterSourceHarness.Key("shop", "web")].Endpoints);
        Assert.Equal("us-east", endpoint.Locality.Region);
        Assert.Equal("us-east-1b", endpoint.Locality.Zone);
    }

    internal static void Seed(FakeResourceStore store)
    {
        store.Create(FakeObjects.Namespace("shop", new Dictionary<string, string> { ["istio-injection"] = "enabled" }));
        store.Create(FakeObjects.Node("node-a", "eu-west", "eu-west-1a"));
        store.Create(FakeObjects.Service("shop", "web", 8080, WebLabels));
        store.Create(FakeObjects.Pod("shop", "web-1", "10.1.0.1", WebLabels, node: "node-a"));
        store.Create(FakeObjects.Istio("VirtualService", "shop", "web", new JsonObject
        {
            ["hosts"] = new JsonArray("web"),
            ["http"] = new JsonArray(new JsonObject
            {
                ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = "web" } }),
            }),
        }));
    }
}
