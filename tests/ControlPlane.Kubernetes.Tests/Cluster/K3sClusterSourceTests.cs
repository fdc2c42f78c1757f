namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Text;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Model.State;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Testcontainers.K3s;

/// <summary>
/// The cluster source against a real API server (k3s in a container): objects created, updated and deleted with the
/// client reach the store. Skipped where Docker is not available.
/// </summary>
public sealed class K3sClusterSourceTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [DockerFact]
    public async Task Objects_created_updated_and_deleted_in_k3s_reach_the_store()
    {
        await using var k3s = new K3sBuilder("rancher/k3s:v1.31.4-k3s1").Build();
        await k3s.StartAsync();
        var kubeconfig = await k3s.GetKubeconfigAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        var configuration = await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(stream);
        using var client = new Kubernetes(configuration);
        await K3sFixtures.InstallIstioCrdsAsync(client);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "shop" } });
        await client.CoreV1.CreateNamespacedServiceAsync(K3sFixtures.Service("web", 8080), "shop");
        await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(K3sFixtures.Slice("web", "10.1.0.1"), "shop");

        var store = new MeshStore();
        var readiness = new MeshReadiness();
        var options = new ClusterSourceOptions { ClientConfiguration = configuration, Informer = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(50) } };
        using var source = new KubernetesClusterSource(store, readiness, Options.Create(options), NullLoggerFactory.Instance);
        await source.StartAsync(CancellationToken.None);
        await readiness.WhenReadyAsync(CancellationToken.None).WaitAsync(Guard);
        var web = new Model.Services.ServiceKey("web.shop.svc.cluster.local", "shop");
        Assert.Equal("10.1.0.1", Assert.Single(store.Current.Endpoints[web].Endpoints).Address);

        await client.DiscoveryV1.ReplaceNamespacedEndpointSliceAsync(K3sFixtures.Slice("web", "10.1.0.2"), "web-1", "shop");
        await K3sFixtures.UntilAsync(() => store.Current.Endpoints[web].Endpoints.Any(e => e.Address == "10.1.0.2"), Guard);

        var virtualService = new JsonObject
        {
            ["apiVersion"] = "networking.istio.io/v1",
            ["kind"] = "VirtualService",
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop" },
            ["spec"] = new JsonObject
            {
                ["hosts"] = new JsonArray("web"),
                ["http"] = new JsonArray(new JsonObject { ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = "web" } }) }),
            },
        };
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(virtualService, "networking.istio.io", "v1", "shop", "virtualservices");
        await K3sFixtures.UntilAsync(() => store.Current.Configs.Values.Any(c => c.Meta.Name == "web"), Guard);

        await client.CoreV1.DeleteNamespacedServiceAsync("web", "shop");
        await K3sFixtures.UntilAsync(() => !store.Current.Services.ContainsKey(web), Guard);
        await source.StopAsync(CancellationToken.None);
    }
}
