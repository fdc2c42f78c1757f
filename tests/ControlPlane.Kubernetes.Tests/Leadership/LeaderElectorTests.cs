namespace ControlPlane.Kubernetes.Tests.Leadership;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Testing.Kubernetes;

/// <summary>
/// <see cref="LeaderElector"/> against the fake API server with client-go's semantics: create or take over the Lease,
/// renew it, wait out another holder's lease, settle races with resourceVersion conflicts, release on stop, and give
/// leadership up when renewals fail past the deadline.
/// </summary>
public sealed class LeaderElectorTests
{
    [Fact]
    public async Task A_lone_elector_creates_the_lease_and_leads()
    {
        await using var h = await LeaseHarness.CreateAsync();

        var a = h.Start("a");
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);

        var spec = h.Lease()!["spec"]!;
        Assert.True(a.IsLeader);
        Assert.Equal("a", (string?)spec["holderIdentity"]);
        Assert.Equal(2, (int)spec["leaseDurationSeconds"]!);
        Assert.Equal(0, (int)spec["leaseTransitions"]!);
        Assert.NotNull(spec["acquireTime"]);
    }

    [Fact]
    public async Task The_leader_renews_without_reading_keeping_its_acquire_time_and_transitions()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a");
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);
        var first = h.Lease()!["spec"]!.DeepClone();
        var version = h.LeaseVersion();
        var reads = h.Server.Requests.Count(r => r.Verb == "get");

        await LeaseHarness.WaitUntilAsync(() => h.LeaseVersion() >= version + 3, "the lease was renewed three times");

        // Renewals write the lease last seen without reading it first; nothing else wrote, so none failed over to a read.
        Assert.Equal(reads, h.Server.Requests.Count(r => r.Verb == "get"));

        var spec = h.Lease()!["spec"]!;
        Assert.True(a.IsLeader);
        Assert.Equal("a", (string?)spec["holderIdentity"]);
        Assert.Equal((string?)first["acquireTime"], (string?)spec["acquireTime"]);
        Assert.NotEqual((string?)first["renewTime"], (string?)spec["renewTime"]);
        Assert.Equal(0, (int)spec["leaseTransitions"]!);
    }

    [Fact]
    public async Task A_second_elector_waits_and_takes_over_once_the_leaders_lease_expires()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a", releaseOnStop: false);
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);
        var b = h.Start("b");
        await h.Server.WaitForRequestAsync(r => r.Verb == "get" && r.Resource == "coordination.k8s.io/v1/leases", LeaseHarness.Guard);
        await LeaseHarness.WaitUntilAsync(() => b.ObservedHolder == "a", "b saw a holding the lease");
        Assert.False(b.IsLeader);

        // a stops without releasing, as a crashed process would: b must wait out the lease, then take it.
        await h.StopAsync(a);
        Assert.Equal("a", h.Holder());
        await b.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);

        Assert.Equal("b", h.Holder());
        Assert.Equal(1, (int)h.Lease()!["spec"]!["leaseTransitions"]!);
    }

    [Fact]
    public async Task Stopping_releases_the_lease_so_a_waiting_elector_takes_it_without_waiting_for_expiry()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a");
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);
        var leadership = await a.WaitForLeadershipAsync(CancellationToken.None);

        await h.StopAsync(a);

        Assert.True(leadership.IsCancellationRequested);
        Assert.False(a.IsLeader);
        var spec = h.Lease()!["spec"]!;
        Assert.Equal("", (string?)spec["holderIdentity"] ?? "");
        Assert.Equal(1, (int)spec["leaseDurationSeconds"]!);

        // A free lease is taken at the first attempt, whatever its duration.
        var b = h.Start("b");
        await b.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);
        Assert.Equal("b", h.Holder());
        Assert.Equal(1, (int)h.Lease()!["spec"]!["leaseTransitions"]!);
    }

    [Fact]
    public async Task A_write_that_loses_the_race_gets_a_conflict_and_does_not_lead_until_it_wins()
    {
        await using var h = await LeaseHarness.CreateAsync();
        h.Server.Store.Create(Lease(holder: "old", seconds: 1));
        var client = new InterferingLeaseClient(h.LeaseClient(), () => h.Server.Store.Update(Lease(holder: "old", seconds: 1)));

        var a = h.Start("a", leases: client);
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);

        var updates = h.Server.Requests.Where(r => r.Verb == "update" && r.Resource == "coordination.k8s.io/v1/leases").ToList();
        Assert.True(updates.Count >= 2, "the first write conflicted, a later one won");
        Assert.True(client.Replaces >= 2);
        Assert.Equal("a", h.Holder());
        Assert.Equal(1, (int)h.Lease()!["spec"]!["leaseTransitions"]!);
    }

    [Fact]
    public async Task Of_two_electors_starting_together_exactly_one_leads()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a");
        var b = h.Start("b");

        await Task.WhenAny(a.WaitForLeadershipAsync(CancellationToken.None), b.WaitForLeadershipAsync(CancellationToken.None)).WaitAsync(LeaseHarness.Guard);
        var version = h.LeaseVersion();
        await LeaseHarness.WaitUntilAsync(() => h.LeaseVersion() >= version + 3, "the leader renewed three times");

        Assert.True(a.IsLeader ^ b.IsLeader);
        Assert.Equal(a.IsLeader ? "a" : "b", h.Holder());
        Assert.Equal(1, a.Acquisitions + b.Acquisitions);
    }

    [Fact]
    public async Task The_leader_gives_up_when_renewals_fail_past_the_deadline_and_leads_again_once_the_api_recovers()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a");
        var leadership = await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);

        h.Server.FailRequests(r => r.Resource == "coordination.k8s.io/v1/leases", 500);
        await LeaseHarness.WaitUntilAsync(() => leadership.IsCancellationRequested, "leadership ended");
        Assert.False(a.IsLeader);

        h.Server.ClearFailures();
        await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);
        Assert.Equal(2, a.Acquisitions);
        Assert.Equal("a", h.Holder());
    }

    [Fact]
    public async Task A_leader_whose_lease_another_process_took_loses_leadership()
    {
        await using var h = await LeaseHarness.CreateAsync();
        var a = h.Start("a");
        var leadership = await a.WaitForLeadershipAsync(CancellationToken.None).WaitAsync(LeaseHarness.Guard);

        h.Server.Store.Update(Lease(holder: "intruder", seconds: 60));

        await LeaseHarness.WaitUntilAsync(() => leadership.IsCancellationRequested, "leadership ended");
        Assert.Equal("intruder", h.Holder());
        Assert.Equal("intruder", a.ObservedHolder);
    }

    [Fact]
    public void Options_that_break_client_gos_rules_are_refused()
    {
        var options = LeaseHarness.Options("a");
        options.RenewDeadline = TimeSpan.FromSeconds(3);

        Assert.NotEmpty(options.Validate());
        Assert.Throws<ArgumentException>(() => new LeaderElector(new InterferingLeaseClient(null!, () => { }), options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        Assert.Empty(new LeaderElectionOptions().Validate());
    }

    private static JsonObject Lease(string holder, int seconds)
    {
        var lease = FakeObjects.Object("coordination.k8s.io/v1", "Lease", LeaseHarness.Namespace, LeaseHarness.LeaseName, null);
        lease["spec"] = new JsonObject
        {
            ["holderIdentity"] = holder,
            ["leaseDurationSeconds"] = seconds,
            ["acquireTime"] = "2026-01-01T00:00:00.000000Z",
            ["renewTime"] = "2026-01-01T00:00:00.000000Z",
            ["leaseTransitions"] = 0,
        };
        return lease;
    }
}
