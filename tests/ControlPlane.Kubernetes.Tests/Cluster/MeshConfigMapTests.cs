namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Testing.Kubernetes;

/// <summary>
/// The <c>istio</c> ConfigMap in the control plane's namespace, read through the fake API server: its MeshConfig is
/// applied (a global push) and its discoverySelectors decide which namespaces are served.
/// </summary>
public sealed class MeshConfigMapTests
{
    private static readonly Dictionary<string, string> AppLabels = new() { ["app"] = "api" };

    [Fact]
    public async Task The_configmaps_discovery_selectors_filter_namespaces_and_a_change_takes_effect()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h);
        h.Server.Store.Create(MeshConfigMap("istio-system", "istio", "rootNamespace: mesh-root\ndiscoverySelectors:\n- matchLabels: {mesh: \"on\"}\n"));

        await h.StartAndSyncAsync();
        Assert.Equal("mesh-root", h.Store.Current.Mesh.RootNamespace);
        Assert.Contains(ClusterSourceHarness.Key("in", "api"), h.Store.Current.Services.Keys);
        Assert.DoesNotContain(ClusterSourceHarness.Key("out", "api"), h.Store.Current.Services.Keys);

        h.Server.Store.Update(MeshConfigMap("istio-system", "istio", "rootNamespace: mesh-root\n"));
        await WaitUntilAsync(() => h.Store.Current.Services.ContainsKey(ClusterSourceHarness.Key("out", "api")));
        Assert.Empty(h.Store.Current.Mesh.DiscoverySelectors);
    }

    [Fact]
    public async Task Only_the_istio_configmap_of_the_control_planes_namespace_is_listed()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h);
        h.Server.Store.Create(MeshConfigMap("istio-system", "other", "rootNamespace: wrong-name\n"));
        h.Server.Store.Create(MeshConfigMap("in", "istio", "rootNamespace: wrong-namespace\n"));

        await h.StartAndSyncAsync();

        Assert.Equal("istio-system", h.Store.Current.Mesh.RootNamespace);
        Assert.Contains(h.Server.Requests, r => r.Resource == "v1/configmaps" && r.Namespace == "istio-system");
        Assert.DoesNotContain(h.Server.Requests, r => r.Resource == "v1/configmaps" && r.Namespace is null);
    }

    [Fact]
    public async Task With_a_mesh_config_file_the_configmap_is_not_watched()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: o => o.WatchMeshConfigMap = false);
        Seed(h);
        h.Server.Store.Create(MeshConfigMap("istio-system", "istio", "rootNamespace: from-configmap\n"));

        await h.StartAndSyncAsync();

        Assert.Equal("istio-system", h.Store.Current.Mesh.RootNamespace);
        Assert.DoesNotContain(h.Server.Requests, r => r.Resource == "v1/configmaps");
    }

    [Fact]
    public async Task With_a_revision_the_revisions_configmap_is_read()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: o => o.Revision = "canary");
        Seed(h);
        h.Server.Store.Create(MeshConfigMap("istio-system", "istio", "rootNamespace: default-revision\n"));
        h.Server.Store.Create(MeshConfigMap("istio-system", "istio-canary", "rootNamespace: canary-root\n"));

        await h.StartAndSyncAsync();

        Assert.Equal("canary-root", h.Store.Current.Mesh.RootNamespace);
        Assert.Equal("istio-canary", h.Source.Informers.MeshConfigMapName);
        Assert.Equal("istio", ClusterInformers.MeshConfigMapNameFor(""));
    }

    [Fact]
    public async Task An_invalid_configmap_is_not_applied()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        Seed(h);
        h.Server.Store.Create(MeshConfigMap("istio-system", "istio", "connectTimeout: soon\nrootNamespace: bad\n"));

        await h.StartAndSyncAsync();

        Assert.Equal("istio-system", h.Store.Current.Mesh.RootNamespace);
        Assert.Contains(ClusterSourceHarness.Key("out", "api"), h.Store.Current.Services.Keys);
    }

    private static void Seed(ClusterSourceHarness h)
    {
        h.Server.Store.Create(FakeObjects.Namespace("in", new Dictionary<string, string> { ["mesh"] = "on" }));
        h.Server.Store.Create(FakeObjects.Namespace("out"));
        h.Server.Store.Create(FakeObjects.Service("in", "api", 80, AppLabels));
        h.Server.Store.Create(FakeObjects.Service("out", "api", 80, AppLabels, "10.96.0.20"));
    }

    private static JsonObject MeshConfigMap(string ns, string name, string mesh) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["data"] = new JsonObject { ["mesh"] = mesh },
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
