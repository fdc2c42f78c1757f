namespace ControlPlane.FunctionalTests.Kubernetes;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Testing.Hosting;
using ControlPlane.Testing.Kubernetes;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds;
using Envoy.Config.Endpoint.V3;
using Envoy.Service.Discovery.V3;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The real host watching the fake API server through the real KubernetesClient: objects created, updated and deleted
/// there reach a connected delta-xDS client.
/// </summary>
public sealed class KubernetesEndToEndTests
{
    private const string WebCluster = "outbound|8080||web.shop.svc.cluster.local";
    private const string ApiCluster = "outbound|9090||api.shop.svc.cluster.local";
    private static readonly Dictionary<string, string> WebLabels = new() { ["app"] = "web" };

    [Fact]
    public async Task Cluster_changes_reach_a_delta_xds_client()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Store.Create(FakeObjects.Namespace("shop"));
        server.Store.Create(FakeObjects.Service("shop", "web", 8080, WebLabels));
        server.Store.Create(FakeObjects.Pod("shop", "web-1", "10.1.0.1", WebLabels));
        var directory = Directory.CreateTempSubdirectory("cp-kubernetes-");
        try
        {
            await using var host = await RunningControlPlane.StartAsync(directory.FullName, b => b.Services.AddKubernetesClusterSource(o =>
            {
                o.ClientConfiguration = server.ClientConfiguration;
                o.Informer = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(100) };
            }));
            using var channel = GrpcChannel.ForAddress(host.XdsAddress);
            await using var client = new DeltaTestClient(channel, XdsTestNodes.Sidecar("client-1", "shop", "10.1.0.50"));

            await client.SubscribeAsync(TypeUrls.Cluster);
            await UntilAsync(client, TypeUrls.Cluster, r => r.Resources.Any(c => c.Name == WebCluster));
            await client.SubscribeAsync(TypeUrls.Endpoint, [WebCluster]);
            await UntilAsync(client, TypeUrls.Endpoint, r => Addresses(r).Contains("10.1.0.1"));

            // Created: a new service becomes a new cluster.
            server.Store.Create(FakeObjects.Service("shop", "api", 9090, new Dictionary<string, string> { ["app"] = "api" }, "10.96.0.11"));
            await UntilAsync(client, TypeUrls.Cluster, r => r.Resources.Any(c => c.Name == ApiCluster));

            // Updated: a pod's new IP reaches EDS.
            server.Store.Update(FakeObjects.Pod("shop", "web-1", "10.1.0.2", WebLabels));
            var endpoints = await UntilAsync(client, TypeUrls.Endpoint, r => Addresses(r).Contains("10.1.0.2"));
            Assert.DoesNotContain("10.1.0.1", Addresses(endpoints));

            // Deleted: the service's cluster is removed.
            server.Store.Delete("v1", "Service", "shop", "api");
            await UntilAsync(client, TypeUrls.Cluster, r => r.RemovedResources.Contains(ApiCluster));
            Assert.DoesNotContain(ApiCluster, client.Resources(TypeUrls.Cluster).Keys);
            Assert.Contains(WebCluster, client.Resources(TypeUrls.Cluster).Keys);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Istio_objects_of_a_cluster_serving_only_v1beta1_reach_a_delta_xds_client()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1beta1");
        server.Store.Create(FakeObjects.Namespace("shop"));
        server.Store.Create(FakeObjects.Service("shop", "web", 8080, WebLabels));
        server.Store.Create(FakeObjects.Pod("shop", "web-1", "10.1.0.1", new Dictionary<string, string> { ["app"] = "web", ["version"] = "v1" }));
        var rule = FakeObjects.Istio("DestinationRule", "shop", "web", new JsonObject
        {
            ["host"] = "web",
            ["subsets"] = new JsonArray(new JsonObject { ["name"] = "v1", ["labels"] = new JsonObject { ["version"] = "v1" } }),
        });
        rule["apiVersion"] = "networking.istio.io/v1beta1";
        server.Store.Create(rule);
        var directory = Directory.CreateTempSubdirectory("cp-kubernetes-");
        try
        {
            await using var host = await RunningControlPlane.StartAsync(directory.FullName, b => b.Services.AddKubernetesClusterSource(o =>
            {
                o.ClientConfiguration = server.ClientConfiguration;
                o.Informer = new InformerOptions { InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(100) };
            }));
            using var channel = GrpcChannel.ForAddress(host.XdsAddress);
            await using var client = new DeltaTestClient(channel, XdsTestNodes.Sidecar("client-1", "shop", "10.1.0.50"));

            await client.SubscribeAsync(TypeUrls.Cluster);
            await UntilAsync(client, TypeUrls.Cluster, r => r.Resources.Any(c => c.Name == "outbound|8080|v1|web.shop.svc.cluster.local"));

            Assert.Contains(server.Requests, r => r.Verb == "list" && r.Resource == "networking.istio.io/v1beta1/destinationrules");
            Assert.DoesNotContain(server.Requests, r => r.Resource.StartsWith("networking.istio.io/v1/", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Takes (and acknowledges) responses until one of <paramref name="typeUrl"/> satisfies <paramref name="done"/>.</summary>
    private static async Task<DeltaDiscoveryResponse> UntilAsync(DeltaTestClient client, string typeUrl, Func<DeltaDiscoveryResponse, bool> done)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            guard.Token.ThrowIfCancellationRequested();
            var response = await client.NextAsync();
            await client.AckAsync(response);
            if (response.TypeUrl == typeUrl && done(response))
            {
                return response;
            }
        }
    }

    private static List<string> Addresses(DeltaDiscoveryResponse response) =>
        [.. response.Resources
            .Select(r => ClusterLoadAssignment.Parser.ParseFrom(r.Resource_.Value))
            .SelectMany(a => a.Endpoints)
            .SelectMany(l => l.LbEndpoints)
            .Select(e => e.Endpoint.Address.SocketAddress.Address)];
}
