namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Serving;
using Envoy.Config.Cluster.V3;
using Google.Protobuf.WellKnownTypes;

public sealed class DeltaResourceDiffTests
{
    [Fact]
    public void Only_resources_whose_content_changed_are_sent()
    {
        var subscription = Wildcard();
        var a = Resource("a", 1);
        subscription.ClientVersions["a"] = ResourceHasher.Hash(a.Resource);
        subscription.ClientVersions["b"] = "old";

        var diff = DeltaResourceDiff.Compute(subscription, [a, Resource("b", 2)], DeltaSendPlan.Whole);

        Assert.Equal(["b"], diff.Changed.Select(c => c.Resource.Name));
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Identical_content_has_the_same_version_across_instances()
    {
        Assert.Equal(ResourceHasher.Hash(Resource("a", 1).Resource), ResourceHasher.Hash(Resource("a", 1).Resource));
        Assert.NotEqual(ResourceHasher.Hash(Resource("a", 1).Resource), ResourceHasher.Hash(Resource("a", 2).Resource));
    }

    [Fact]
    public void Wildcard_removes_what_the_client_holds_but_generation_no_longer_produces()
    {
        var subscription = Wildcard();
        subscription.ClientVersions["gone"] = "h";

        var diff = DeltaResourceDiff.Compute(subscription, [Resource("a", 1)], DeltaSendPlan.Whole);
        DeltaResourceDiff.Apply(subscription, diff);

        Assert.Equal(["gone"], diff.Removed);
        Assert.Equal(["a"], subscription.ClientVersions.Keys);
    }

    [Fact]
    public void Named_subscriptions_remove_held_names_that_no_longer_resolve()
    {
        var subscription = new Subscription(TypeUrls.Endpoint);
        subscription.AddName("a");
        subscription.AddName("never-held");
        subscription.ClientVersions["a"] = "h";

        var diff = DeltaResourceDiff.Compute(subscription, [], DeltaSendPlan.Whole);

        Assert.Equal(["a"], diff.Removed);
    }

    [Fact]
    public void Newly_subscribed_missing_names_are_announced_as_removed()
    {
        var subscription = new Subscription(TypeUrls.Endpoint);
        subscription.AddName("missing");

        var diff = DeltaResourceDiff.Compute(subscription, [], DeltaSendPlan.Changes(["missing"], []));

        Assert.Equal(["missing"], diff.Removed);
    }

    [Fact]
    public void Forced_names_are_sent_even_when_unchanged()
    {
        var subscription = new Subscription(TypeUrls.Endpoint);
        var a = Resource("a", 1);
        subscription.ClientVersions["a"] = ResourceHasher.Hash(a.Resource);

        var diff = DeltaResourceDiff.Compute(subscription, [a], DeltaSendPlan.Resend(["a"], new HashSet<string> { "a" }));

        Assert.Equal(["a"], diff.Changed.Select(c => c.Resource.Name));
    }

    private static Subscription Wildcard()
    {
        var subscription = new Subscription(TypeUrls.Cluster);
        subscription.SetWildcard(true);
        return subscription;
    }

    private static NamedResource Resource(string name, int timeoutSeconds) =>
        new(name, Any.Pack(new Cluster { Name = name, ConnectTimeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(timeoutSeconds)) }));
}
