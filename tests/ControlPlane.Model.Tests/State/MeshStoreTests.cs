namespace ControlPlane.Model.Tests.State;

using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

public sealed class MeshStoreTests
{
    private sealed class RecordingSink : IPushRequestSink
    {
        public List<PushRequest> Requests { get; } = [];

        public void Enqueue(PushRequest request, MeshSnapshot snapshot) => Requests.Add(request);
    }

    [Fact]
    public void Service_upsert_is_a_full_push_keyed_by_host()
    {
        var (store, sink) = NewStore();
        var reviews = TestMesh.Service("reviews", "shop", 9080);

        store.Apply("yaml", new MeshDelta { UpsertedServices = [reviews] });

        var request = Assert.Single(sink.Requests);
        Assert.True(request.Full);
        Assert.Equal([new ConfigKey(ConfigKind.Service, "shop", reviews.Hostname)], request.ConfigsUpdated);
        Assert.Equal(1, request.Reasons[PushReason.ServiceUpdate]);
        Assert.Same(reviews, store.Current.Services[reviews.Key]);
        Assert.Equal(1, store.Current.Version);
    }

    [Fact]
    public void Endpoint_only_change_is_not_full()
    {
        var (store, sink) = NewStore();
        var key = new ServiceKey("reviews.shop.svc.cluster.local", "shop");

        store.Apply("yaml", new MeshDelta { UpsertedEndpoints = [new ServiceEndpoints(key, [TestMesh.Endpoint("10.1.0.1", 9080)])] });

        var request = Assert.Single(sink.Requests);
        Assert.False(request.Full);
        Assert.Contains(new ConfigKey(ConfigKind.Service, "shop", key.Hostname), request.ConfigsUpdated);
        Assert.Equal(1, request.Reasons[PushReason.EndpointUpdate]);
    }

    [Fact]
    public void Empty_delta_and_removal_of_unknown_keys_raise_nothing()
    {
        var (store, sink) = NewStore();

        Assert.Null(store.Apply("yaml", MeshDelta.Empty));
        Assert.Null(store.Apply("yaml", new MeshDelta { RemovedConfigs = [new ConfigKey(ConfigKind.VirtualService, "shop", "nope")] }));

        Assert.Empty(sink.Requests);
        Assert.Equal(0, store.Current.Version);
    }

    [Fact]
    public void A_removed_entry_falls_back_to_another_sources_value()
    {
        var (store, _) = NewStore();
        var fromYaml = TestMesh.Service("reviews", "shop", 9080);
        var fromCluster = fromYaml with { Registry = "cluster" };
        store.Apply("yaml", new MeshDelta { UpsertedServices = [fromYaml] });
        store.Apply("cluster", new MeshDelta { UpsertedServices = [fromCluster] });

        store.Apply("cluster", new MeshDelta { RemovedServices = [fromCluster.Key] });
        Assert.Equal("Kubernetes", store.Current.Services[fromYaml.Key].Registry);

        store.Apply("yaml", new MeshDelta { RemovedServices = [fromYaml.Key] });
        Assert.Empty(store.Current.Services);
    }

    [Fact]
    public void A_source_cannot_remove_what_another_source_owns()
    {
        var (store, sink) = NewStore();
        var service = TestMesh.Service("reviews", "shop", 9080);
        store.Apply("cluster", new MeshDelta { UpsertedServices = [service] });

        var request = store.Apply("yaml", new MeshDelta { RemovedServices = [service.Key] });

        Assert.Null(request);
        Assert.Single(store.Current.Services);
        Assert.Single(sink.Requests);
    }

    [Fact]
    public void Snapshots_are_immutable_once_published()
    {
        var (store, _) = NewStore();
        store.Apply("yaml", new MeshDelta { UpsertedServices = [TestMesh.Service("a", "shop", 80)] });
        var before = store.Current;

        store.Apply("yaml", new MeshDelta { UpsertedServices = [TestMesh.Service("b", "shop", 80)] });

        Assert.Single(before.Services);
        Assert.Equal(2, store.Current.Services.Count);
    }

    private static (MeshStore, RecordingSink) NewStore()
    {
        var store = new MeshStore();
        var sink = new RecordingSink();
        store.Subscribe(sink);
        return (store, sink);
    }
}
