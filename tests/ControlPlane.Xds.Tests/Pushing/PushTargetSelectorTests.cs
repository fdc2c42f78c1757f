namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Tests.Serving.Fakes;

public sealed class PushTargetSelectorTests
{
    private static readonly Model.Services.Service Reviews = TestMesh.Service("reviews");
    private static readonly Model.Services.Service Ratings = TestMesh.Service("ratings", "other");

    [Fact]
    public void Endpoint_only_pushes_go_only_to_connections_watching_a_cluster_of_the_service()
    {
        var context = Context(sidecars: []);
        var watcher = new FakeTarget("default", (TypeUrls.Endpoint, WatchedResources.Of(["outbound|9080|v1|reviews.default.svc.cluster.local"])));
        var otherWatcher = new FakeTarget("default", (TypeUrls.Endpoint, WatchedResources.Of([TestMesh.ClusterOf(Ratings)])));
        var noEds = new FakeTarget("default", (TypeUrls.Cluster, WatchedResources.All));
        var request = TestRequests.Endpoints(Reviews.Hostname);

        Assert.True(NeedsPush(watcher, request, null, context));
        Assert.False(NeedsPush(otherWatcher, request, null, context));
        Assert.False(NeedsPush(noEds, request, null, context));
    }

    [Fact]
    public void Full_pushes_go_to_connections_whose_scope_depends_on_a_changed_key()
    {
        var context = Context(sidecars: [Sidecar("scoped", "./*")]);
        var everywhere = new FakeTarget("default");
        var scoped = new FakeTarget("scoped");
        var request = TestRequests.Full(new ConfigKey(ConfigKind.Service, Ratings.Namespace, Ratings.Hostname));

        Assert.True(NeedsPush(everywhere, request, null, context));
        Assert.False(NeedsPush(scoped, request, null, context));
        Assert.True(NeedsPush(scoped, PushRequest.Global(PushReason.GlobalUpdate), null, context));
    }

    [Fact]
    public void The_previous_scope_counts_so_what_stopped_being_visible_is_withdrawn()
    {
        var before = Context(sidecars: [Sidecar("scoped", "other/*")]);
        var after = Context(sidecars: [Sidecar("scoped", "./*")]);
        var scoped = new FakeTarget("scoped");
        var request = TestRequests.Full(new ConfigKey(ConfigKind.Service, Ratings.Namespace, Ratings.Hostname));

        Assert.False(NeedsPush(scoped, request, null, after));
        Assert.True(NeedsPush(scoped, request, before, after));
    }

    private static bool NeedsPush(FakeTarget target, PushRequest request, PushContext? previous, PushContext next) =>
        PushTargetSelector.NeedsPush(target, request, PushTargetSelector.UpdatedHosts(request), previous, next);

    private static PushContext Context(Sidecar[] sidecars)
    {
        var store = new MeshStore();
        store.Upsert(Reviews, Ratings);
        store.Apply(TestMesh.Source, new MeshDelta { UpsertedConfigs = [.. sidecars] });
        return PushContextBuilder.Build(store.Current);
    }

    private static Sidecar Sidecar(string ns, params string[] hosts) => new()
    {
        Meta = new ConfigMeta { Name = "default", Namespace = ns },
        Egress = [new SidecarEgressListener([.. hosts])],
    };
}
