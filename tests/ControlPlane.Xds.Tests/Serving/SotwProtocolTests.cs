namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Tests.Serving.Fakes;
using Envoy.Config.Cluster.V3;
using Grpc.Core;

/// <summary>StreamAggregatedResources against a real in-process server, driven by a gRPC client.</summary>
public sealed class SotwProtocolTests
{
    private static readonly Model.Services.Service Reviews = TestMesh.Service("reviews");
    private static readonly Model.Services.Service Ratings = TestMesh.Service("ratings", ports: 9090);

    [Fact]
    public async Task Wildcard_cds_is_answered_with_every_cluster_and_an_ack_is_recorded()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));

        var cds = await client.RequestAsync(TypeUrls.Cluster);

        Assert.Equal(TypeUrls.Cluster, cds.TypeUrl);
        Assert.All(cds.Resources, r => Assert.Equal(TypeUrls.Cluster, r.TypeUrl));
        Assert.Equal(
            [TestMesh.ClusterOf(Reviews), TestMesh.ClusterOf(Ratings)],
            cds.Resources.Select(r => r.Unpack<Cluster>().Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(cds.VersionInfo);
        Assert.NotEmpty(cds.Nonce);

        await client.AckAsync(cds);
        await client.RequestAsync(TypeUrls.Listener); // barrier: the ACK before it has been processed
        var status = host.Subscription("app-1.default", TypeUrls.Cluster);
        Assert.Equal(cds.VersionInfo, status.AckedVersion);
        Assert.Equal("SYNCED", status.SyncState);
        Assert.True(status.Wildcard);
    }

    [Fact]
    public async Task A_missing_node_fails_the_stream_with_invalid_argument()
    {
        await using var host = await XdsTestHost.StartAsync();
        await using var client = host.Sotw(XdsTestNodes.WithId(""));
        await client.SubscribeAsync(TypeUrls.Cluster);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.NextAsync());
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("node", error.Status.Detail);
    }

    [Fact]
    public async Task A_nack_is_recorded_not_answered_and_the_next_push_still_arrives()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        var first = await client.RequestAsync(TypeUrls.Cluster);
        await client.AckAsync(first);
        host.Store.Upsert(Ratings);
        var second = await client.NextAsync(TypeUrls.Cluster);

        await client.NackAsync(second, "cluster ratings: invalid");
        await client.RequestAsync(TypeUrls.Listener); // barrier: the NACK was handled, and nothing was resent before this

        var status = host.Subscription("app-1.default", TypeUrls.Cluster);
        Assert.NotNull(status.LastNack);
        Assert.Equal(second.Nonce, status.LastNack.Nonce);
        Assert.Equal(first.VersionInfo, status.LastNack.KeptVersion);
        Assert.Equal("cluster ratings: invalid", status.LastNack.Message);
        Assert.Equal("ERROR", status.SyncState);
        Assert.Contains("pilot_total_xds_rejects{type=\"cds\"} 1", await host.ScrapeAsync());
        Assert.Contains("pilot_xds_cds_reject 1", await host.ScrapeAsync());

        host.Store.Remove(Ratings);
        var third = await client.NextAsync(TypeUrls.Cluster);
        Assert.Single(third.Resources);
        await client.AckAsync(third);
        await client.NextAsync(TypeUrls.Listener); // the same push's LDS: the ACK is processed before the next request
        await client.RequestAsync(TypeUrls.Route, "9080");
        Assert.Equal("SYNCED", host.Subscription("app-1.default", TypeUrls.Cluster).SyncState);
        Assert.Contains("pilot_xds_cds_reject 0", await host.ScrapeAsync());
    }

    [Fact]
    public async Task One_proxy_nacking_does_not_affect_another()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var bad = host.Sotw(XdsTestNodes.Sidecar("bad", "default"));
        await using var good = host.Sotw(XdsTestNodes.Sidecar("good", "default", ip: "10.0.0.9"));
        var badCds = await bad.RequestAsync(TypeUrls.Cluster);
        var goodCds = await good.RequestAsync(TypeUrls.Cluster);
        await bad.NackAsync(badCds, "rejected");
        await good.AckAsync(goodCds);

        host.Store.Upsert(Ratings);

        var pushed = await good.NextAsync(TypeUrls.Cluster);
        Assert.Equal(2, pushed.Resources.Count);
        Assert.Equal(2, (await bad.NextAsync(TypeUrls.Cluster)).Resources.Count);
        await good.AckAsync(pushed);
        await good.RequestAsync(TypeUrls.Listener);
        Assert.Null(host.Subscription("good.default", TypeUrls.Cluster).LastNack);
        Assert.Equal("SYNCED", host.Subscription("good.default", TypeUrls.Cluster).SyncState);
        Assert.NotNull(host.Subscription("bad.default", TypeUrls.Cluster).LastNack);
    }

    [Fact]
    public async Task A_reconnect_with_an_old_version_and_no_nonce_is_answered()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        string version;
        await using (var before = host.Sotw(XdsTestNodes.Sidecar("app-1", "default")))
        {
            var cds = await before.RequestAsync(TypeUrls.Cluster);
            await before.AckAsync(cds);
            version = cds.VersionInfo;
        }

        await using var after = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        await after.SendAsync(new Envoy.Service.Discovery.V3.DiscoveryRequest { TypeUrl = TypeUrls.Cluster, VersionInfo = version });

        var answer = await after.NextAsync(TypeUrls.Cluster);
        Assert.Single(answer.Resources);
    }

    [Fact]
    public async Task A_stale_nonce_is_ignored_even_with_new_names()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        var first = await client.RequestAsync(TypeUrls.Endpoint, TestMesh.ClusterOf(Reviews));
        await client.AckAsync(first);
        await client.RequestAsync(TypeUrls.Route, "9080"); // barrier: the ACK is not stale
        host.Store.SetEndpoints(Reviews, "10.1.0.1");
        var second = await client.NextAsync(TypeUrls.Endpoint);

        var stale = new Envoy.Service.Discovery.V3.DiscoveryRequest { TypeUrl = TypeUrls.Endpoint, VersionInfo = first.VersionInfo, ResponseNonce = first.Nonce };
        stale.ResourceNames.Add(TestMesh.ClusterOf(Reviews));
        stale.ResourceNames.Add(TestMesh.ClusterOf(Ratings));
        await client.SendAsync(stale);

        await client.RequestAsync(TypeUrls.Listener); // the next response is LDS: the stale request got none
        Assert.Equal(second.Nonce, host.Subscription("app-1.default", TypeUrls.Endpoint).SentNonce);
        Assert.Contains("pilot_xds_expired_nonce{type=\"eds\"} 1", await host.ScrapeAsync());

        // The same names with the current nonce are a new subscription and are answered.
        var added = await client.RequestAsync(TypeUrls.Endpoint, TestMesh.ClusterOf(Reviews), TestMesh.ClusterOf(Ratings));
        Assert.Equal(2, added.Resources.Count);
    }

    [Fact]
    public async Task Empty_eds_names_unsubscribe_and_nothing_more_is_sent()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        var cds = await client.RequestAsync(TypeUrls.Cluster);
        await client.AckAsync(cds);
        var eds = await client.RequestAsync(TypeUrls.Endpoint, TestMesh.ClusterOf(Reviews));
        await client.AckAsync(eds);

        await client.SubscribeAsync(TypeUrls.Endpoint); // no names: unsubscribe
        host.Store.SetEndpoints(Reviews, "10.1.0.1");
        host.Store.Upsert(Ratings);

        var pushed = await client.NextAsync(TypeUrls.Cluster); // the full push; no EDS before or after it
        await client.AckAsync(pushed);
        await client.RequestAsync(TypeUrls.Listener);
        Assert.DoesNotContain(host.Connection("app-1.default").Subscriptions, s => s.TypeUrl == TypeUrls.Endpoint);
    }

    [Fact]
    public async Task Eds_follows_every_cds_response_and_endpoint_pushes_reach_only_watchers()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var reviewsWatcher = host.Sotw(XdsTestNodes.Sidecar("a", "default"));
        await using var ratingsWatcher = host.Sotw(XdsTestNodes.Sidecar("b", "default", ip: "10.0.0.9"));
        await reviewsWatcher.AckAsync(await reviewsWatcher.RequestAsync(TypeUrls.Endpoint, TestMesh.ClusterOf(Reviews)));
        await ratingsWatcher.AckAsync(await ratingsWatcher.RequestAsync(TypeUrls.Endpoint, TestMesh.ClusterOf(Ratings)));

        // CDS request: answered, then EDS re-sent for the watched clusters (Envoy warming).
        await reviewsWatcher.RequestAsync(TypeUrls.Cluster);
        Assert.Single((await reviewsWatcher.NextAsync(TypeUrls.Endpoint)).Resources);

        host.Store.SetEndpoints(Ratings, "10.2.0.1", "10.2.0.2");

        var update = await ratingsWatcher.NextAsync(TypeUrls.Endpoint);
        var load = Assert.Single(update.Resources).Unpack<Envoy.Config.Endpoint.V3.ClusterLoadAssignment>();
        Assert.Equal(2, load.Endpoints.Single().LbEndpoints.Count);
        await reviewsWatcher.RequestAsync(TypeUrls.Listener); // next is LDS: reviews' watcher got no EDS push
    }

    [Fact]
    public async Task Proxyless_clients_get_exactly_the_named_listeners_and_clusters()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews, Ratings));
        await using var client = host.Sotw(XdsTestNodes.ProxylessGrpc("grpc-app", "default"));

        var lds = await client.RequestAsync(TypeUrls.Listener, "0.0.0.0_9090");
        Assert.Equal("0.0.0.0_9090", Assert.Single(lds.Resources).Unpack<Envoy.Config.Listener.V3.Listener>().Name);
        await client.AckAsync(lds);
        var cds = await client.RequestAsync(TypeUrls.Cluster, TestMesh.ClusterOf(Ratings));
        Assert.Single(cds.Resources);

        // Names grow one at a time; every response lists every subscribed cluster.
        var grown = await client.RequestAsync(TypeUrls.Cluster, TestMesh.ClusterOf(Ratings), TestMesh.ClusterOf(Reviews));
        Assert.Equal(2, grown.Resources.Count);
        Assert.False(host.Subscription("grpc-app.default", TypeUrls.Cluster).Wildcard);
    }

    [Fact]
    public async Task A_type_without_generator_gets_an_empty_response()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        host.Generators.Generators.Remove(TypeUrls.Route);
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));

        var rds = await client.RequestAsync(TypeUrls.Route, "9080");

        Assert.Empty(rds.Resources);
        Assert.Equal(TypeUrls.Route, rds.TypeUrl);
    }

    [Fact]
    public async Task Metrics_use_istiod_names_without_total_suffix()
    {
        await using var host = await XdsTestHost.StartAsync(s => s.Upsert(Reviews));
        await using var client = host.Sotw(XdsTestNodes.Sidecar("app-1", "default"));
        await client.AckAsync(await client.RequestAsync(TypeUrls.Cluster));
        host.Store.Upsert(Ratings);
        await client.NextAsync(TypeUrls.Cluster);

        var text = await host.ScrapeAsync();
        Assert.Contains("pilot_xds_pushes{type=\"cds\"} 2", text);
        Assert.Contains("pilot_xds{version=\"1.24.0\"} 1", text);
        Assert.Contains("pilot_push_triggers{type=\"service\"} 1", text);
        Assert.Contains("pilot_proxy_convergence_time_bucket", text);
        Assert.Contains("pilot_debounce_time_count 1", text);
        Assert.Contains("pilot_pushcontext_init_seconds_count", text);
        Assert.DoesNotContain("_total", text.Replace("pilot_total_xds", "", StringComparison.Ordinal));
    }
}
