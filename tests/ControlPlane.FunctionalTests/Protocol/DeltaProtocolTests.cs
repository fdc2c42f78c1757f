namespace ControlPlane.FunctionalTests.Protocol;

using ControlPlane.FunctionalTests.Infrastructure;
using ControlPlane.Xds;

/// <summary>Incremental (delta) ADS against the real host serving the sample mesh.</summary>
public sealed class DeltaProtocolTests
{
    private const string CartRedisCluster = "outbound|6379||cart-redis.shop.svc.cluster.local";

    [Fact]
    public async Task Removing_a_service_sends_its_clusters_as_removed_resources()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(SampleMesh.CatalogSidecar());
        await client.SubscribeAsync(TypeUrls.Cluster);
        var initial = await client.NextAsync(TypeUrls.Cluster);
        await client.AckAsync(initial);
        Assert.Contains(initial.Resources, r => r.Name == CartRedisCluster);

        mesh.DeleteFile("shop/cart-redis.yaml");

        var update = await client.NextAsync(TypeUrls.Cluster);
        Assert.Contains(CartRedisCluster, update.RemovedResources);
        Assert.Empty(update.Resources);
        Assert.DoesNotContain(CartRedisCluster, client.Resources(TypeUrls.Cluster).Keys);
    }

    [Fact]
    public async Task A_change_sends_only_the_resources_whose_content_changed()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(SampleMesh.CatalogSidecar());
        await client.SubscribeAsync(TypeUrls.Cluster);
        var initial = await client.NextAsync(TypeUrls.Cluster);
        await client.AckAsync(initial);

        // Drops the DestinationRule's policies: only catalog's clusters change, and its v1..v3 subsets stay.
        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogWithoutPolicies(50, 50));

        var update = await client.NextAsync(TypeUrls.Cluster);
        Assert.NotEmpty(update.Resources);
        // The DestinationRule's connection pool also applies to the proxy's own inbound cluster, as istiod applies it.
        Assert.All(update.Resources, r => Assert.True(
            r.Name.EndsWith("|catalog.shop.svc.cluster.local", StringComparison.Ordinal) || r.Name == "inbound|9080||", r.Name));
        Assert.True(update.Resources.Count < initial.Resources.Count);
        Assert.Empty(update.RemovedResources);
    }

    [Fact]
    public async Task Reconnect_with_initial_versions_sends_only_what_differs()
    {
        await using var mesh = await SampleMesh.StartAsync();
        var node = SampleMesh.CatalogSidecar();
        Dictionary<string, string> held;
        await using (var first = mesh.Delta(node))
        {
            await first.SubscribeAsync(TypeUrls.Cluster);
            await first.AckAsync(await first.NextAsync(TypeUrls.Cluster));
            held = first.Resources(TypeUrls.Cluster).ToDictionary();
        }

        held[CartRedisCluster] = "stale-version";
        await using var second = mesh.Delta(node);
        await second.SubscribeAsync(TypeUrls.Cluster, initialVersions: held);

        var response = await second.NextAsync(TypeUrls.Cluster);
        Assert.Equal([CartRedisCluster], response.Resources.Select(r => r.Name));
    }

    [Fact]
    public async Task Endpoint_change_reaches_only_eds_with_the_new_address()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Delta(SampleMesh.CatalogSidecar());
        await client.SubscribeAsync(TypeUrls.Cluster);
        await client.AckAsync(await client.NextAsync(TypeUrls.Cluster));
        await client.SubscribeAsync(TypeUrls.Endpoint, [CartRedisCluster]);
        await client.AckAsync(await client.NextAsync(TypeUrls.Endpoint));

        var path = Path.Combine(mesh.Directory, "shop/cart-redis.yaml");
        await mesh.WriteFileAsync("shop/cart-redis.yaml", (await File.ReadAllTextAsync(path)).Replace("10.244.3.41", "10.244.3.99", StringComparison.Ordinal));

        var update = await client.NextAsync(TypeUrls.Endpoint);
        var assignment = Assert.Single(update.Resources).Resource_.Unpack<Envoy.Config.Endpoint.V3.ClusterLoadAssignment>();
        Assert.Equal("10.244.3.99", assignment.Endpoints.SelectMany(e => e.LbEndpoints).Single().Endpoint.Address.SocketAddress.Address);
    }
}
