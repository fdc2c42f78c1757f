namespace ControlPlane.FunctionalTests.Protocol;

using ControlPlane.FunctionalTests.Infrastructure;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Service.Discovery.V3;

/// <summary>State-of-the-world ADS against the real host serving the sample mesh, as an Envoy sidecar drives it.</summary>
public sealed class SotwProtocolTests
{
    [Fact]
    public async Task Sidecar_handshake_yields_consistent_config_with_istio_names()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Sotw(SampleMesh.CatalogSidecar());

        var snapshot = await SotwHandshake.RunAsync(client);

        // istiod's legacy port-80 rule gives VirtualService hosts that are no service on port 80 a virtual host whose
        // routes name port-80 clusters that do not exist (Envoy answers 503 for them); that is the only inconsistency allowed.
        var problems = snapshot.Problems().Where(p => !p.StartsWith("rds 80 vhost ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var clusters = snapshot.Clusters.Select(c => c.Unpack<Cluster>().Name).ToList();
        Assert.Contains("outbound|9080||catalog.shop.svc.cluster.local", clusters);
        Assert.Contains("outbound|9080|v2|catalog.shop.svc.cluster.local", clusters);
        Assert.Contains("inbound|9080||", clusters);
        Assert.Contains("BlackHoleCluster", clusters);
        Assert.Contains("PassthroughCluster", clusters);
        var listeners = snapshot.Listeners.Select(l => l.Unpack<Listener>().Name).ToList();
        Assert.Contains("virtualOutbound", listeners);
        Assert.Contains("virtualInbound", listeners);
        Assert.Contains("0.0.0.0_9080", listeners);
        Assert.Contains(snapshot.Routes.Select(r => r.Unpack<RouteConfiguration>()), r => r.Name == "9080");

        var syncz = await Syncz.WaitForStateAsync(mesh.Http, client.Node.Id, "rds", "SYNCED");
        Assert.All(new[] { "cds", "eds", "lds", "rds" }, type => Assert.Equal("SYNCED", Syncz.State(syncz, type)));
    }

    [Fact]
    public async Task Nack_is_recorded_with_its_message_and_the_stream_keeps_serving()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Sotw(SampleMesh.CatalogSidecar());
        await SotwHandshake.RunAsync(client);

        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogSplit(50, 50));
        var pushed = await client.NextAsync(TypeUrls.Route);
        await client.NackAsync(pushed, "route 9080: weights rejected by test");

        var afterNack = await Syncz.WaitForStateAsync(mesh.Http, client.Node.Id, "rds", "ERROR");
        Assert.Equal("route 9080: weights rejected by test", Syncz.LastError(afterNack, "rds"));
        Assert.Equal("SYNCED", Syncz.State(afterNack, "cds"));

        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogSplit(90, 10));
        var next = await client.NextAsync(TypeUrls.Route);
        Assert.NotEqual(pushed.Nonce, next.Nonce);
        await client.AckAsync(next);
        await Syncz.WaitForStateAsync(mesh.Http, client.Node.Id, "rds", "SYNCED");
    }

    [Fact]
    public async Task A_nack_from_one_proxy_leaves_another_untouched()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var rejecting = mesh.Sotw(SampleMesh.CatalogSidecar("catalog-v1-a"));
        await using var accepting = mesh.Sotw(SampleMesh.CatalogSidecar("catalog-v1-b"));
        await SotwHandshake.RunAsync(rejecting);
        await SotwHandshake.RunAsync(accepting);

        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogSplit(50, 50));
        await rejecting.NackAsync(await rejecting.NextAsync(TypeUrls.Route), "rejected");
        await accepting.AckAsync(await accepting.NextAsync(TypeUrls.Route));

        await Syncz.WaitForStateAsync(mesh.Http, rejecting.Node.Id, "rds", "ERROR");
        await Syncz.WaitForStateAsync(mesh.Http, accepting.Node.Id, "rds", "SYNCED");

        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogSplit(70, 30));
        await accepting.AckAsync(await accepting.NextAsync(TypeUrls.Route));
        await rejecting.AckAsync(await rejecting.NextAsync(TypeUrls.Route));
    }

    [Fact]
    public async Task Reconnect_with_old_version_and_empty_nonce_is_answered()
    {
        await using var mesh = await SampleMesh.StartAsync();
        var node = SampleMesh.CatalogSidecar();
        string oldVersion;
        await using (var first = mesh.Sotw(node))
        {
            var clusters = await first.RequestAsync(TypeUrls.Cluster);
            await first.AckAsync(clusters);
            oldVersion = clusters.VersionInfo;
        }

        await using var second = mesh.Sotw(node);
        await second.SendAsync(new DiscoveryRequest { TypeUrl = TypeUrls.Cluster, VersionInfo = oldVersion, ResponseNonce = "" });

        var answer = await second.NextAsync(TypeUrls.Cluster);
        Assert.NotEmpty(answer.Resources);
        Assert.NotEmpty(answer.Nonce);
    }

    [Fact]
    public async Task Empty_eds_names_unsubscribe()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Sotw(SampleMesh.CatalogSidecar());
        await SotwHandshake.RunAsync(client);
        var lastEds = client.LastResponse(TypeUrls.Endpoint)!;

        await client.SendAsync(new DiscoveryRequest { TypeUrl = TypeUrls.Endpoint, VersionInfo = lastEds.VersionInfo, ResponseNonce = lastEds.Nonce });
        await Task.Delay(300);
        await mesh.WriteFileAsync("shop/cart-redis.yaml", (await File.ReadAllTextAsync(Path.Combine(mesh.Directory, "shop/cart-redis.yaml"))).Replace("10.244.", "10.245.", StringComparison.Ordinal));
        await mesh.WriteFileAsync("shop/catalog-routing.yaml", SampleEdits.CatalogSplit(50, 50));

        // Endpoints changed first; had EDS still been watched it would have been pushed before this route update.
        await client.NextAsync(TypeUrls.Route);
    }
}
