namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Tests.Serving.Fakes;

/// <summary>DeltaAggregatedResources against a real in-process server, driven by a gRPC client.</summary>
public sealed class DeltaProtocolTests
{
    private static readonly Model.Services.Service Reviews = TestMesh.Service("reviews");
    private static readonly Model.Services.Service Ratings = TestMesh.Service("ratings", ports: 9090);
    private static readonly Model.Services.Service Details = TestMesh.Service("details", ports: 9091);

    [Fact]
    public async Task Wildcard_cds_sends_everything_then_only_what_changed()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Cluster);

        var initial = await client.NextAsync(TypeUrls.Cluster);
        Assert.Equal(2, initial.Resources.Count);
        Assert.All(initial.Resources, r => Assert.Equal(TypeUrls.Cluster, r.Resource_.TypeUrl));
        Assert.All(initial.Resources, r => Assert.NotEmpty(r.Version));
        await client.AckAsync(initial);

        host.Store.Upsert(Details);

        var update = await client.NextAsync(TypeUrls.Cluster);
        Assert.Equal(TestMesh.ClusterOf(Details), Assert.Single(update.Resources).Name);
        Assert.Empty(update.RemovedResources);
        await client.AckAsync(update);
        await client.SubscribeAsync(TypeUrls.Listener);
        await client.NextAsync(TypeUrls.Listener); // barrier
        var status = host.Subscription("app-1.default", TypeUrls.Cluster);
        Assert.Equal("SYNCED", status.SyncState);
        Assert.Equal(update.SystemVersionInfo, status.AckedVersion);
    }

    [Fact]
    public async Task A_removed_service_is_listed_in_removed_resources()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Cluster);
        await client.AckAsync(await client.NextAsync(TypeUrls.Cluster));
        await client.SubscribeAsync(TypeUrls.Endpoint, [TestMesh.ClusterOf(Ratings)]);
        await client.AckAsync(await client.NextAsync(TypeUrls.Endpoint));

        host.Store.Remove(Ratings);

        var cds = await client.NextAsync(TypeUrls.Cluster);
        Assert.Empty(cds.Resources);
        Assert.Equal([TestMesh.ClusterOf(Ratings)], cds.RemovedResources);
        var eds = await client.NextAsync(TypeUrls.Endpoint); // a subscribed name that no longer resolves
        Assert.Equal([TestMesh.ClusterOf(Ratings)], eds.RemovedResources);
        Assert.Equal([TestMesh.ClusterOf(Reviews)], client.Resources(TypeUrls.Cluster).Keys);
    }

    [Fact]
    public async Task A_reconnect_with_initial_versions_gets_only_what_differs()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        IReadOnlyDictionary<string, string> held;
        await using (var before = host.Delta(XdsTestNodes.Sidecar("app-1", "default")))
        {
            await before.SubscribeAsync(TypeUrls.Cluster);
            await before.AckAsync(await before.NextAsync(TypeUrls.Cluster));
            held = before.Resources(TypeUrls.Cluster);
        }

        host.Store.Remove(Ratings);
        host.Store.Upsert(Details);
        await host.WaitForPushAsync();
        await using var after = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await after.SubscribeAsync(TypeUrls.Cluster, initialVersions: held);

        var resync = await after.NextAsync(TypeUrls.Cluster);
        Assert.Equal(TestMesh.ClusterOf(Details), Assert.Single(resync.Resources).Name);
        Assert.Equal([TestMesh.ClusterOf(Ratings)], resync.RemovedResources);
    }

    [Fact]
    public async Task A_reconnect_holding_everything_gets_an_empty_answer()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        IReadOnlyDictionary<string, string> held;
        await using (var before = host.Delta(XdsTestNodes.Sidecar("app-1", "default")))
        {
            await before.SubscribeAsync(TypeUrls.Cluster);
            await before.AckAsync(await before.NextAsync(TypeUrls.Cluster));
            held = before.Resources(TypeUrls.Cluster);
        }

        await using var after = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await after.SubscribeAsync(TypeUrls.Cluster, initialVersions: held);

        var resync = await after.NextAsync(TypeUrls.Cluster);
        Assert.Empty(resync.Resources);
        Assert.Empty(resync.RemovedResources);
    }

    [Fact]
    public async Task Unsubscribing_a_held_name_confirms_its_removal()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Endpoint, [TestMesh.ClusterOf(Reviews), TestMesh.ClusterOf(Ratings)]);
        await client.AckAsync(await client.NextAsync(TypeUrls.Endpoint));

        await client.SubscribeAsync(TypeUrls.Endpoint, unsubscribe: [TestMesh.ClusterOf(Ratings)]);

        var response = await client.NextAsync(TypeUrls.Endpoint);
        Assert.Empty(response.Resources);
        Assert.Equal([TestMesh.ClusterOf(Ratings)], response.RemovedResources);

        host.Store.SetEndpoints(Ratings, "10.2.0.1"); // no longer watched: nothing is sent
        host.Store.SetEndpoints(Reviews, "10.1.0.1");
        var pushed = await client.NextAsync(TypeUrls.Endpoint);
        Assert.Equal(TestMesh.ClusterOf(Reviews), Assert.Single(pushed.Resources).Name);
    }

    [Fact]
    public async Task Subscribing_to_a_name_that_does_not_exist_is_answered_with_its_removal()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Endpoint, ["outbound|80||missing.default.svc.cluster.local"]);

        var response = await client.NextAsync(TypeUrls.Endpoint);
        Assert.Empty(response.Resources);
        Assert.Equal(["outbound|80||missing.default.svc.cluster.local"], response.RemovedResources);
    }

    [Fact]
    public async Task A_nack_is_recorded_and_the_next_push_still_arrives()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Cluster);
        var initial = await client.NextAsync(TypeUrls.Cluster);
        await client.AckAsync(initial);
        await client.SubscribeAsync(TypeUrls.Route, ["9080"]);
        await client.NextAsync(TypeUrls.Route); // barrier: the ACK is recorded before the push below
        host.Store.Upsert(Ratings);
        var rejected = await client.NextAsync(TypeUrls.Cluster);

        await client.NackAsync(rejected, "bad cluster");
        await client.SubscribeAsync(TypeUrls.Listener);
        await client.NextAsync(TypeUrls.Listener); // barrier: the NACK was not answered

        var nack = host.Subscription("app-1.default", TypeUrls.Cluster).LastNack;
        Assert.NotNull(nack);
        Assert.Equal(rejected.Nonce, nack.Nonce);
        Assert.Equal(initial.SystemVersionInfo, nack.KeptVersion);
        Assert.Equal("bad cluster", nack.Message);

        host.Store.Upsert(Details);
        Assert.Equal(TestMesh.ClusterOf(Details), Assert.Single((await client.NextAsync(TypeUrls.Cluster)).Resources).Name);
    }

    [Fact]
    public async Task Clusters_sent_by_cds_are_followed_by_their_endpoints()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Endpoint, [TestMesh.ClusterOf(Reviews), TestMesh.ClusterOf(Ratings)]);
        await client.AckAsync(await client.NextAsync(TypeUrls.Endpoint));

        await client.SubscribeAsync(TypeUrls.Cluster);
        await client.NextAsync(TypeUrls.Cluster);

        var eds = await client.NextAsync(TypeUrls.Endpoint); // unchanged, but resent for warming
        Assert.Equal(2, eds.Resources.Count);
    }

    [Fact]
    public async Task Config_dump_renders_what_the_proxy_would_get()
    {
        await using var host = await XdsTestHost.StartAsync(s =>
        {
            s.Upsert(Reviews, Ratings);
            s.SetEndpoints(Reviews, "10.1.0.1");
        });
        await using var client = host.Delta(XdsTestNodes.Sidecar("app-1", "default"));
        await client.SubscribeAsync(TypeUrls.Cluster);
        await client.AckAsync(await client.NextAsync(TypeUrls.Cluster));

        Assert.Null(host.Status.ConfigDump("nobody.default"));
        var dump = host.Status.ConfigDump("app-1.default");

        Assert.NotNull(dump);
        var clusters = dump.Configs[0].Unpack<Envoy.Admin.V3.ClustersConfigDump>();
        var listeners = dump.Configs[1].Unpack<Envoy.Admin.V3.ListenersConfigDump>();
        var routes = dump.Configs[2].Unpack<Envoy.Admin.V3.RoutesConfigDump>();
        var endpoints = dump.Configs[3].Unpack<Envoy.Admin.V3.EndpointsConfigDump>();
        Assert.Equal(2, clusters.DynamicActiveClusters.Count);
        Assert.Equal(host.Subscription("app-1.default", TypeUrls.Cluster).SentVersion, clusters.DynamicActiveClusters[0].VersionInfo);
        Assert.Equal(["0.0.0.0_9080", "0.0.0.0_9090"], listeners.DynamicListeners.Select(l => l.Name));
        Assert.NotNull(listeners.DynamicListeners[0].ActiveState.Listener);
        Assert.Equal(2, routes.DynamicRouteConfigs.Count); // from the listeners' RDS names
        Assert.Equal(2, endpoints.DynamicEndpointConfigs.Count);
    }
}
