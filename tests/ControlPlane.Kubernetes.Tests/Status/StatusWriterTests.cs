namespace ControlPlane.Kubernetes.Tests.Status;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Kubernetes.Tests.Cluster;
using ControlPlane.Testing.Kubernetes;

/// <summary>
/// Status writes of the cluster source (<c>WriteStatus</c>) against the fake API server: a rejected Istio object gets
/// istiod's <c>validationMessages</c> through the status subresource, loses them once fixed, is not rewritten while its
/// verdict stands, and nothing is written while another process holds the Lease.
/// </summary>
public sealed class StatusWriterTests
{
    private const string Group = "networking.istio.io/v1";

    [Fact]
    public async Task A_rejected_object_gets_istiods_validation_message_and_loses_it_once_fixed()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: WriteStatus);
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(Broken());

        await h.StartAndSyncAsync();
        await WaitUntilAsync(() => Status(h, "broken")?["validationMessages"] is not null, "the broken object's status was written");

        var status = Status(h, "broken")!;
        var message = Assert.Single(status["validationMessages"]!.AsArray())!;
        Assert.Equal("IST0106", (string?)message["type"]!["code"]);
        Assert.Equal("ERROR", (string?)message["level"]);
        Assert.Equal("https://istio.io/latest/docs/reference/config/analysis/ist0106/", (string?)message["documentationUrl"]);
        Assert.Equal("1", (string?)status["observedGeneration"]);
        Assert.Null(Status(h, "web"));
        var patch = Assert.Single(h.Server.Requests, r => r.Verb == "patch");
        Assert.Equal(("networking.istio.io/v1/virtualservices", "broken", "status"), (patch.Resource, patch.Name, patch.Subresource));

        // The user fixes the spec; the stored status stays until the writer clears it.
        var fixedObject = h.Server.Store.Get(Group, "VirtualService", "shop", "broken")!;
        fixedObject["spec"] = Valid();
        h.Server.Store.Update(fixedObject);

        await WaitUntilAsync(() => Status(h, "broken")?["validationMessages"] is null, "the messages were cleared");
        Assert.Equal("2", (string?)Status(h, "broken")!["observedGeneration"]);
        Assert.Empty(h.Source.Problems);
    }

    [Fact]
    public async Task An_unchanged_verdict_is_not_written_again()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: WriteStatus);
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(Broken());
        await h.StartAndSyncAsync();
        var writer = h.Source.StatusWriter!;
        await WaitUntilAsync(() => writer.Writes == 1 && Status(h, "broken") is not null, "the status was written");

        // A metadata-only edit (same generation, same verdict) and an unrelated object: rebuilds, passes, no writes.
        var relabelled = h.Server.Store.Get(Group, "VirtualService", "shop", "broken")!;
        relabelled["metadata"]!["labels"] = new JsonObject { ["team"] = "a" };
        h.Server.Store.Update(relabelled);
        var virtualServices = h.Source.Informers.Istio.Single(i => i.Kind == "VirtualService").Informer;
        await WaitUntilAsync(
            () => virtualServices.Snapshot.Items.Values.Any(v => v.Metadata.Labels?.ContainsKey("team") == true),
            "the informer saw the relabelled object");

        // A pass may be under way from before: the second pass after this point surely compared the relabelled object.
        foreach (var name in new[] { "other", "another" })
        {
            var passes = writer.Passes;
            h.Server.Store.Create(FakeObjects.Service("shop", name, 9090, new Dictionary<string, string> { ["app"] = name }, "10.96.0.11"));
            await WaitUntilAsync(() => writer.Passes > passes, $"a pass ran after service {name} was created");
        }

        Assert.Equal(1, writer.Writes);
        Assert.Single(h.Server.Requests, r => r.Verb == "patch");
    }

    [Fact]
    public async Task Nothing_is_written_while_another_process_holds_the_lease_and_the_verdicts_follow_once_it_is_released()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: WriteStatus);
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(Broken());
        h.Server.Store.Create(Lease("istio-status-leader", holder: "someone-else", seconds: 60));

        await h.StartAndSyncAsync();
        var elector = h.Source.Elector!;
        var leaseReads = h.Server.Requests.Count(r => r.Verb == "get");
        await WaitUntilAsync(
            () => elector.ObservedHolder == "someone-else" && h.Server.Requests.Count(r => r.Verb == "get") >= leaseReads + 3,
            "the elector read the held lease three more times");

        Assert.False(elector.IsLeader);
        Assert.DoesNotContain(h.Server.Requests, r => r.Verb == "patch");
        Assert.Null(Status(h, "broken"));

        // The other holder releases the lease, as a stopping istiod does.
        h.Server.Store.Update(Lease("istio-status-leader", holder: "", seconds: 1));
        await WaitUntilAsync(() => Status(h, "broken")?["validationMessages"] is not null, "the new leader wrote the status");
        Assert.True(elector.IsLeader);
    }

    [Fact]
    public async Task Writes_stop_while_leadership_is_lost_and_resume_when_it_returns()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: WriteStatus);
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(Broken());
        await h.StartAndSyncAsync();
        var elector = h.Source.Elector!;
        var leadership = await elector.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await WaitUntilAsync(() => Status(h, "broken") is not null, "the status was written");

        h.Server.FailRequests(r => r.Resource == "coordination.k8s.io/v1/leases", 500);
        await WaitUntilAsync(() => leadership.IsCancellationRequested, "leadership was lost");
        var patches = h.Server.Requests.Count(r => r.Verb == "patch");
        var passes = h.Source.StatusWriter!.Passes;
        h.Server.Store.Create(FakeObjects.Istio("VirtualService", "shop", "broken-too", new JsonObject { ["hosts"] = new JsonArray("web") }));
        await WaitUntilAsync(() => h.Source.Problems.Any(p => p.Name == "broken-too"), "the new object was rejected");

        Assert.False(elector.IsLeader);
        Assert.Equal(passes, h.Source.StatusWriter.Passes);
        Assert.Equal(patches, h.Server.Requests.Count(r => r.Verb == "patch"));

        h.Server.ClearFailures();
        await WaitUntilAsync(() => Status(h, "broken-too")?["validationMessages"] is not null, "the leader again wrote the new object's status");
    }

    [Fact]
    public async Task Status_is_written_at_the_version_the_kind_is_watched_at()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: WriteStatus);
        h.Server.Discovery.ServeOnly(FakeApiDiscovery.IstioGroup, "v1beta1");
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        var broken = Broken();
        broken["apiVersion"] = "networking.istio.io/v1beta1";
        h.Server.Store.Create(broken);

        await h.StartAndSyncAsync();
        await WaitUntilAsync(() => h.Server.Requests.Any(r => r.Verb == "patch"), "the status was written");

        Assert.Equal("networking.istio.io/v1beta1/virtualservices", h.Server.Requests.Single(r => r.Verb == "patch").Resource);
        Assert.NotNull(h.Server.Store.Get("networking.istio.io/v1beta1", "VirtualService", "shop", "broken")!["status"]!["validationMessages"]);
    }

    [Fact]
    public async Task Without_status_writes_there_is_no_election_and_no_write()
    {
        await using var h = await ClusterSourceHarness.CreateAsync();
        KubernetesClusterSourceTests.Seed(h.Server.Store);
        h.Server.Store.Create(Broken());

        await h.StartAndSyncAsync();

        Assert.Null(h.Source.Elector);
        Assert.Null(h.Source.StatusWriter);
        Assert.DoesNotContain(h.Server.Requests, r => r.Resource.StartsWith("coordination.k8s.io", StringComparison.Ordinal) || r.Verb == "patch");
    }

    [Fact]
    public async Task A_revision_competes_for_its_own_lease()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(configure: o =>
        {
            WriteStatus(o);
            o.Revision = "canary";
        });
        KubernetesClusterSourceTests.Seed(h.Server.Store);

        await h.StartAndSyncAsync();
        await h.Source.Elector!.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal("istio-status-leader-canary", KubernetesClusterSource.LeaseNameFor(new ClusterSourceOptions { Revision = "canary" }));
        Assert.NotNull(h.Server.Store.Get("coordination.k8s.io/v1", "Lease", "istio-system", "istio-status-leader-canary"));
        Assert.Null(h.Server.Store.Get("coordination.k8s.io/v1", "Lease", "istio-system", "istio-status-leader"));
    }

    internal static void WriteStatus(ClusterSourceOptions options)
    {
        options.WriteStatus = true;
        options.LeaderElection = new LeaderElectionOptions
        {
            Identity = "controlplane-0",
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
    }

    internal static JsonObject Broken() => FakeObjects.Istio("VirtualService", "shop", "broken", new JsonObject { ["hosts"] = new JsonArray("web") });

    internal static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(20);
        }
    }

    private static JsonObject Valid() => new()
    {
        ["hosts"] = new JsonArray("web"),
        ["http"] = new JsonArray(new JsonObject
        {
            ["route"] = new JsonArray(new JsonObject { ["destination"] = new JsonObject { ["host"] = "web" } }),
        }),
    };

    private static JsonNode? Status(ClusterSourceHarness h, string name) => h.Server.Store.Get(Group, "VirtualService", "shop", name)?["status"];

    private static JsonObject Lease(string name, string holder, int seconds)
    {
        var lease = FakeObjects.Object("coordination.k8s.io/v1", "Lease", "istio-system", name, null);
        lease["spec"] = new JsonObject
        {
            ["holderIdentity"] = holder,
            ["leaseDurationSeconds"] = seconds,
            ["renewTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["leaseTransitions"] = 0,
        };
        return lease;
    }
}
