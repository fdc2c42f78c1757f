namespace ControlPlane.Xds.Tests.Pushing;

using ControlPlane.Model.Config;
using ControlPlane.Xds.Pushing;

public sealed class RecentPushesTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_says_why_and_to_whom_a_push_went()
    {
        var recent = new RecentPushes();
        var key = new ConfigKey(ConfigKind.VirtualService, "default", "reviews");
        var tally = new PushSelectionTally();
        tally.Add(PushSelection.ScopeDependency, "sidecar~a");
        tally.Add(PushSelection.ScopeDependency, "sidecar~b");

        recent.Record(Batch(TestRequests.Full(key), releasedAfterMs: 150), version: 7, tally, connections: 10, TimeSpan.FromMilliseconds(3));

        var record = Assert.Single(recent.Snapshot());
        Assert.Equal(7, record.Version);
        Assert.True(record.Full);
        Assert.Equal([key.ToString()], record.ConfigKeys.AsEnumerable());
        Assert.Equal(1, record.KeyCount);
        Assert.Equal(2, record.Selected[PushSelection.ScopeDependency]);
        Assert.Equal(["sidecar~a", "sidecar~b"], record.ExampleProxies[PushSelection.ScopeDependency].AsEnumerable());
        Assert.Equal(2, record.Pushed);
        Assert.Equal(10, record.Connections);
        Assert.Equal(150, record.DebounceMilliseconds);
        Assert.Equal(3, record.BuildMilliseconds);
    }

    [Fact]
    public void The_ring_keeps_the_newest_records_oldest_first()
    {
        var recent = new RecentPushes();
        for (var version = 1; version <= RecentPushes.Capacity + 5; version++)
        {
            recent.Record(Batch(TestRequests.Endpoints("reviews.default.svc.cluster.local")), version, new PushSelectionTally(), 0, TimeSpan.Zero);
        }

        var records = recent.Snapshot();

        Assert.Equal(RecentPushes.Capacity, records.Count);
        Assert.Equal(6, records[0].Version);
        Assert.Equal(RecentPushes.Capacity + 5, records[^1].Version);
    }

    [Fact]
    public void Key_lists_and_proxy_examples_are_bounded_but_counts_are_true()
    {
        var recent = new RecentPushes();
        var keys = Enumerable.Range(0, RecentPushes.MaxKeys + 30)
            .Select(i => new ConfigKey(ConfigKind.DestinationRule, "default", $"rule-{i:D3}"))
            .ToArray();
        var tally = new PushSelectionTally();
        for (var i = 0; i < PushSelectionTally.MaxProxyIds + 10; i++)
        {
            tally.Add(PushSelection.ScopeDependency, $"sidecar~{i}");
        }

        recent.Record(Batch(TestRequests.Full(keys)), 1, tally, 100, TimeSpan.Zero);

        var record = Assert.Single(recent.Snapshot());
        Assert.Equal(RecentPushes.MaxKeys, record.ConfigKeys.Length);
        Assert.Equal(keys.Length, record.KeyCount);
        Assert.Equal(PushSelectionTally.MaxProxyIds, record.ExampleProxies[PushSelection.ScopeDependency].Length);
        Assert.Equal(PushSelectionTally.MaxProxyIds + 10, record.Pushed);
    }

    private static DebouncedBatch Batch(Model.Pushing.PushRequest request, int releasedAfterMs = 0) =>
        new(request, null, Start, Start.AddMilliseconds(releasedAfterMs));
}
