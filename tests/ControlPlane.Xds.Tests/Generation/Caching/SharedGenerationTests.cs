namespace ControlPlane.Xds.Tests.Generation.Caching;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using ControlPlane.Testing.Mesh;
using ControlPlane.Testing.Xds;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Google.Protobuf.WellKnownTypes;
using static ControlPlane.Xds.Tests.Generation.Configs;

/// <summary>
/// Generate once, send many: proxies whose inputs for a resource are the same receive the very same packed resource,
/// and any change to those inputs (endpoints, DestinationRule, MeshConfig, what the proxy can see) gives a fresh one that
/// equals uncached generation.
/// </summary>
public sealed class SharedGenerationTests
{
    private const string ReviewsCluster = "outbound|9080||reviews.default.svc.cluster.local";

    [Fact]
    public void Proxies_with_the_same_inputs_share_one_packed_cluster_and_assignment()
    {
        var mesh = Generation.Bookinfo.Mesh().Build();
        var cache = new SharedResourceCache();
        var productpage = EnvoySnapshots.ForSidecar(mesh.Push, Generation.Bookinfo.Productpage(mesh), cache);
        var other = EnvoySnapshots.ForSidecar(mesh.Push, mesh.Sidecar("ratings-v1-x", "db", "10.1.0.99", ("app", "other")), cache);

        Assert.Same(Find<Cluster>(productpage.Clusters, ReviewsCluster), Find<Cluster>(other.Clusters, ReviewsCluster));
        Assert.Same(Find<ClusterLoadAssignment>(productpage.Endpoints, ReviewsCluster), Find<ClusterLoadAssignment>(other.Endpoints, ReviewsCluster));
    }

    [Fact]
    public void An_endpoint_change_renews_the_assignment_but_not_the_eds_cluster()
    {
        var mesh = Generation.Bookinfo.Mesh().Build();
        var proxy = Generation.Bookinfo.Productpage(mesh);
        var cache = new SharedResourceCache();
        var before = EnvoySnapshots.ForSidecar(mesh.Push, proxy, cache);

        var reviews = mesh.Push.Services.All.Single(s => s.Hostname == Generation.Bookinfo.Reviews);
        var next = Apply(mesh, new MeshDelta
        {
            UpsertedEndpoints = [new ServiceEndpoints(reviews.Key, [.. mesh.Push.Endpoints.For(reviews.Key).Skip(1)])],
        });
        var after = EnvoySnapshots.ForSidecar(next, proxy, cache);

        Assert.Same(Find<Cluster>(before.Clusters, ReviewsCluster), Find<Cluster>(after.Clusters, ReviewsCluster));
        var assignment = Find<ClusterLoadAssignment>(after.Endpoints, ReviewsCluster);
        Assert.NotSame(Find<ClusterLoadAssignment>(before.Endpoints, ReviewsCluster), assignment);
        Assert.Equal(Resource(EnvoySnapshots.ForSidecar(next, proxy).Endpoints, ReviewsCluster).Value, assignment.Value);
        Assert.Equal(2, assignment.Unpack<ClusterLoadAssignment>().Endpoints.Sum(l => l.LbEndpoints.Count));
    }

    [Fact]
    public void A_destination_rule_change_renews_that_services_clusters_only()
    {
        var mesh = Generation.Bookinfo.Mesh().Build();
        var proxy = Generation.Bookinfo.Productpage(mesh);
        var cache = new SharedResourceCache();
        var before = EnvoySnapshots.ForSidecar(mesh.Push, proxy, cache);

        var rule = Rule(Generation.Bookinfo.Reviews, null, Subset("v1", "v1"));
        var next = Apply(mesh, new MeshDelta { UpsertedConfigs = [rule] });
        var after = EnvoySnapshots.ForSidecar(next, proxy, cache);

        Assert.NotSame(Find<Cluster>(before.Clusters, ReviewsCluster), Find<Cluster>(after.Clusters, ReviewsCluster));
        Assert.Contains(after.Clusters, c => c.Unpack<Cluster>().Name == "outbound|9080|v1|reviews.default.svc.cluster.local");
        const string ratings = "outbound|9080||ratings.default.svc.cluster.local";
        Assert.Same(Find<Cluster>(before.Clusters, ratings), Find<Cluster>(after.Clusters, ratings));
        Assert.Equal(Bytes(EnvoySnapshots.ForSidecar(next, proxy)), Bytes(after));
    }

    [Fact]
    public void A_mesh_config_change_renews_every_cluster()
    {
        var mesh = Generation.Bookinfo.Mesh().Build();
        var proxy = Generation.Bookinfo.Productpage(mesh);
        var cache = new SharedResourceCache();
        var before = EnvoySnapshots.ForSidecar(mesh.Push, proxy, cache);

        mesh.Store.SetMeshConfig(mesh.Push.Mesh with { ConnectTimeout = TimeSpan.FromSeconds(3) });
        var next = PushContextBuilder.Build(mesh.Push, mesh.Store.Current, PushRequest.Global(PushReason.GlobalUpdate));
        var after = EnvoySnapshots.ForSidecar(next, proxy, cache);

        Assert.NotSame(Find<Cluster>(before.Clusters, ReviewsCluster), Find<Cluster>(after.Clusters, ReviewsCluster));
        Assert.Equal(3, Find<Cluster>(after.Clusters, ReviewsCluster).Unpack<Cluster>().ConnectTimeout.Seconds);
        Assert.Equal(Bytes(EnvoySnapshots.ForSidecar(next, proxy)), Bytes(after));
    }

    [Fact]
    public void A_proxy_that_sees_a_different_destination_rule_gets_its_own_clusters()
    {
        // A DestinationRule exported only to its own namespace applies to proxies there and not elsewhere.
        var rule = Rule(Generation.Bookinfo.Reviews, null, Subset("v1", "v1")) with { ExportTo = ["."] };
        var mesh = Generation.Bookinfo.Mesh().Config(rule).Build();
        var cache = new SharedResourceCache();
        var inside = EnvoySnapshots.ForSidecar(mesh.Push, Generation.Bookinfo.Productpage(mesh), cache);
        var outside = EnvoySnapshots.ForSidecar(mesh.Push, mesh.Sidecar("client", "db", "10.1.0.99"), cache);

        Assert.NotSame(Find<Cluster>(inside.Clusters, ReviewsCluster), Find<Cluster>(outside.Clusters, ReviewsCluster));
        Assert.Contains(inside.Clusters, c => c.Unpack<Cluster>().Name == "outbound|9080|v1|reviews.default.svc.cluster.local");
        Assert.DoesNotContain(outside.Clusters, c => c.Unpack<Cluster>().Name == "outbound|9080|v1|reviews.default.svc.cluster.local");
        Assert.Equal(Bytes(EnvoySnapshots.ForSidecar(mesh.Push, mesh.Sidecar("client", "db", "10.1.0.99"))), Bytes(outside));
    }

    private static PushContext Apply(BuiltMesh mesh, MeshDelta delta)
    {
        var request = mesh.Store.Apply(MeshBuilder.Source, delta) ?? throw new InvalidOperationException("the delta changed nothing");
        return PushContextBuilder.Build(mesh.Push, mesh.Store.Current, request);
    }

    private static Any Find<T>(IReadOnlyList<Any> resources, string name)
        where T : Google.Protobuf.IMessage<T>, new() => Resource(resources, name);

    private static Any Resource(IReadOnlyList<Any> resources, string name) =>
        resources.Single(r => NameOf(r) == name);

    private static string NameOf(Any resource) =>
        resource.Is(Cluster.Descriptor) ? resource.Unpack<Cluster>().Name : resource.Unpack<ClusterLoadAssignment>().ClusterName;

    private static List<string> Bytes(XdsSnapshot snapshot) =>
        [.. new[] { snapshot.Clusters, snapshot.Endpoints }.SelectMany(r => r).Select(r => Convert.ToBase64String(r.Value.Span))];
}
