namespace ControlPlane.Kubernetes.Tests.Cluster;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Testing.Kubernetes;

/// <summary>MeshConfig discoverySelectors applied by the cluster source: only selected namespaces are served.</summary>
public sealed class DiscoverySelectorTests
{
    private static readonly Dictionary<string, string> AppLabels = new() { ["app"] = "api" };

    [Fact]
    public async Task Only_selected_namespaces_are_served_and_relabelling_a_namespace_brings_it_in()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: o => o.DiscoverySelectors =
        [
            new NamespaceSelector { MatchLabels = ImmutableDictionary<string, string>.Empty.Add("mesh", "on") },
        ]);
        h.Server.Store.Create(FakeObjects.Namespace("in", new Dictionary<string, string> { ["mesh"] = "on" }));
        h.Server.Store.Create(FakeObjects.Namespace("out"));
        h.Server.Store.Create(FakeObjects.Service("in", "api", 80, AppLabels));
        h.Server.Store.Create(FakeObjects.Service("out", "api", 80, AppLabels, "10.96.0.20"));

        await h.StartAndSyncAsync();
        await h.NextPushAsync();
        Assert.Contains(ClusterSourceHarness.Key("in", "api"), h.Store.Current.Services.Keys);
        Assert.DoesNotContain(ClusterSourceHarness.Key("out", "api"), h.Store.Current.Services.Keys);
        Assert.DoesNotContain("out", h.Store.Current.Namespaces.Keys);

        h.Server.Store.Update(FakeObjects.Namespace("out", new Dictionary<string, string> { ["mesh"] = "on" }));
        await h.NextPushAsync();
        Assert.Contains(ClusterSourceHarness.Key("out", "api"), h.Store.Current.Services.Keys);
    }

    [Theory]
    [InlineData("In", new[] { "a", "b" }, "a", true)]
    [InlineData("In", new[] { "a", "b" }, "c", false)]
    [InlineData("NotIn", new[] { "a" }, "b", true)]
    [InlineData("NotIn", new[] { "a" }, null, true)]
    [InlineData("Exists", new string[0], "x", true)]
    [InlineData("Exists", new string[0], null, false)]
    [InlineData("DoesNotExist", new string[0], null, true)]
    public void Label_requirements_follow_kubernetes_semantics(string op, string[] values, string? actual, bool expected)
    {
        var labels = actual is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["env"] = actual };

        Assert.Equal(expected, new LabelRequirement("env", op, [.. values]).Matches(labels));
    }
}
