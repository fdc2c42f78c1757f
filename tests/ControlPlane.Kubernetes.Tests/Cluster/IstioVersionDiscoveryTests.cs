namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Model.Config;
using ControlPlane.Testing.Kubernetes;
using k8s;

/// <summary>
/// Which version of each networking.istio.io kind the cluster source watches: by API discovery, the newest the server
/// serves of v1, v1beta1 and v1alpha3 (so clusters with older Istio CRDs work), or the one the options fix.
/// </summary>
public sealed class IstioVersionDiscoveryTests
{
    [Fact]
    public async Task A_server_serving_only_v1beta1_still_delivers_istio_objects()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        h.Server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1beta1");
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(At("v1beta1", FakeObjects.Istio("DestinationRule", "shop", "web", new JsonObject { ["host"] = "web" })));

        await h.StartAndSyncAsync();

        var configs = h.Store.Current.Configs.Values;
        Assert.Contains(configs, c => c.Kind == ConfigKind.VirtualService && c.Meta.Name == "web" && c.Meta.ApiVersion == "networking.istio.io/v1beta1");
        Assert.Contains(configs, c => c.Kind == ConfigKind.DestinationRule && c.Meta.Name == "web");
        var istioLists = h.Server.Requests.Where(r => r.Verb == "list" && r.Resource.StartsWith("networking.istio.io/", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, istioLists.Count);
        Assert.All(istioLists, r => Assert.StartsWith("networking.istio.io/v1beta1/", r.Resource, StringComparison.Ordinal));
        Assert.Contains(h.Server.Requests, r => r.Verb == "discover" && r.Resource == "/apis");

        // Watches follow their list's version, so changes arrive too.
        h.Server.Store.Create(At("v1beta1", FakeObjects.Istio("DestinationRule", "shop", "api", new JsonObject { ["host"] = "api" })));
        await WaitUntilAsync(() => h.Store.Current.Configs.Values.Any(c => c.Kind == ConfigKind.DestinationRule && c.Meta.Name == "api"));
    }

    [Fact]
    public async Task Each_kind_is_watched_at_the_newest_version_serving_it()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        h.Server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1alpha3");
        h.Server.Discovery.Serve(FakeApiDiscovery.IstioGroup, "v1", new FakeApiResource("virtualservices", "VirtualService", HasStatus: true));
        KubernetesClusterSourceTests.Seed(h.Server.Store);

        await h.StartAndSyncAsync();

        var lists = h.Server.Requests.Where(r => r.Verb == "list").Select(r => r.Resource).ToHashSet();
        Assert.Contains("networking.istio.io/v1/virtualservices", lists);
        Assert.Contains("networking.istio.io/v1alpha3/destinationrules", lists);
        Assert.DoesNotContain("networking.istio.io/v1alpha3/virtualservices", lists);
        Assert.Contains(h.Store.Current.Configs.Values, c => c.Meta.Name == "web" && c.Meta.ApiVersion == "networking.istio.io/v1");
    }

    [Fact]
    public async Task A_version_dropped_while_watching_is_discovered_again_and_watching_goes_on()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        await h.StartAndSyncAsync();

        // A CRD upgrade that stops serving v1: the open watches break and reconnecting at v1 gets 404.
        h.Server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1beta1");
        h.Server.DropWatches();
        await h.Server.WaitForRequestAsync(r => r.Verb == "list" && r.Resource == "networking.istio.io/v1beta1/virtualservices", TimeSpan.FromSeconds(10));
        h.Server.Store.Create(At("v1beta1", FakeObjects.Istio("DestinationRule", "shop", "web", new JsonObject { ["host"] = "web" })));

        await WaitUntilAsync(() => h.Store.Current.Configs.Values.Any(c => c.Kind == ConfigKind.DestinationRule && c.Meta.ApiVersion == "networking.istio.io/v1beta1"));
        Assert.Contains(h.Store.Current.Configs.Values, c => c.Meta.Name == "web" && c.Kind == ConfigKind.VirtualService);
    }

    [Fact]
    public async Task A_fixed_version_is_watched_without_discovery()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: o => o.IstioVersion = "v1alpha3");
        KubernetesClusterSourceTests.Seed(h.Server.Store);

        await h.StartAndSyncAsync();

        Assert.DoesNotContain(h.Server.Requests, r => r.Verb == "discover");
        Assert.Contains(h.Server.Requests, r => r.Verb == "list" && r.Resource == "networking.istio.io/v1alpha3/virtualservices");
        Assert.Contains(h.Store.Current.Configs.Values, c => c.Meta.Name == "web" && c.Meta.ApiVersion == "networking.istio.io/v1alpha3");
    }

    [Fact]
    public async Task Without_istio_crds_discovery_says_so_and_is_retried_on_the_next_list()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup);
        using var client = server.CreateClient();
        var resolver = new IstioVersionResolver(client, null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => resolver.VersionOfAsync("virtualservices", CancellationToken.None));
        Assert.Contains("are Istio's CRDs installed?", error.Message, StringComparison.Ordinal);

        server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1beta1");
        resolver.Invalidate();
        Assert.Equal("v1beta1", await resolver.VersionOfAsync("virtualservices", CancellationToken.None));
        Assert.Equal(2, resolver.Resolutions);
    }

    [Fact]
    public async Task The_fake_server_answers_discovery_in_the_api_servers_shapes_and_404s_an_unserved_version()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1alpha3", "v1beta1");
        using var client = server.CreateClient();

        var groups = await client.Apis.GetAPIVersionsAsync();
        var istio = Assert.Single(groups.Groups, g => g.Name == FakeApiDiscovery.IstioGroup);
        Assert.Equal("v1beta1", istio.PreferredVersion.Version);
        Assert.Equal(["v1beta1", "v1alpha3"], istio.Versions.Select(v => v.Version));
        var resources = await client.CustomObjects.GetAPIResourcesAsync(FakeApiDiscovery.IstioGroup, "v1beta1");
        Assert.Contains(resources.Resources, r => r.Name == "virtualservices/status");
        var missing = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(
            () => client.CustomObjects.ListClusterCustomObjectAsync(FakeApiDiscovery.IstioGroup, "v1", "virtualservices"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
    }

    private static JsonObject At(string version, JsonObject value)
    {
        value["apiVersion"] = $"{FakeApiDiscovery.IstioGroup}/{version}";
        return value;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
