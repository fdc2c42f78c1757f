namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Xds.Pushing;
using ControlPlane.Xds.Tests.Serving.Fakes;

/// <summary>A change to a delegate VirtualService is pushed to the proxies whose scope holds one of its roots, and only to them.</summary>
public sealed class DelegatePushTargetTests
{
    private static readonly Model.Services.Service Reviews = TestMesh.Service("reviews");
    private static readonly Model.Services.Service Ratings = TestMesh.Service("ratings", "other");
    private static readonly ConfigKey DelegateKey = new(ConfigKind.VirtualService, "books", "reviews-api");

    [Fact]
    public void Delegate_changes_reach_the_scopes_of_its_roots()
    {
        var store = new MeshStore();
        store.Upsert(Reviews, Ratings);
        var root = new VirtualService
        {
            Meta = new ConfigMeta { Name = "reviews", Namespace = "default" },
            Hosts = [Reviews.Hostname],
            Http = [new HttpRoute { Delegate = new VirtualServiceDelegate(DelegateKey.Name, DelegateKey.Namespace) }],
        };
        var scopedAway = new Sidecar { Meta = new ConfigMeta { Name = "default", Namespace = "other" }, Egress = [new SidecarEgressListener(["./*"])] };
        store.Apply(TestMesh.Source, new MeshDelta { UpsertedConfigs = [root, scopedAway] });
        var previous = PushContextBuilder.Build(store.Current);

        var api = new VirtualService
        {
            Meta = new ConfigMeta { Name = DelegateKey.Name, Namespace = DelegateKey.Namespace },
            Http = [new HttpRoute { Route = [new HttpRouteDestination(new Destination(Reviews.Hostname, "v2"), 0)] }],
        };
        var request = store.Apply(TestMesh.Source, new MeshDelta { UpsertedConfigs = [api] })!;
        var next = PushContextBuilder.Build(previous, store.Current, request);

        Assert.Equal([DelegateKey], request.ConfigsUpdated.ToArray());
        Assert.True(NeedsPush(new FakeTarget("default"), request, previous, next));
        Assert.True(NeedsPush(new FakeTarget("books"), request, previous, next));
        Assert.False(NeedsPush(new FakeTarget("other"), request, previous, next));
    }

    private static bool NeedsPush(FakeTarget target, PushRequest request, PushContext previous, PushContext next) =>
        PushTargetSelector.NeedsPush(target, request, PushTargetSelector.UpdatedHosts(request), previous, next);
}
