namespace ControlPlane.Model.Tests.State;

using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;

public sealed class PushRequestTests
{
    private static readonly ConfigKey Vs = new(ConfigKind.VirtualService, "shop", "reviews");
    private static readonly ConfigKey Svc = new(ConfigKind.Service, "shop", "reviews.shop.svc.cluster.local");

    [Fact]
    public void Merge_ors_full_unions_keys_sums_reasons_and_keeps_the_earliest_start()
    {
        var early = DateTimeOffset.UnixEpoch;
        var eds = new PushRequest { Full = false, ConfigsUpdated = [Svc], Reasons = Reasons(PushReason.EndpointUpdate, 2), Start = early.AddSeconds(5) };
        var config = new PushRequest { Full = true, ConfigsUpdated = [Vs], Reasons = Reasons(PushReason.EndpointUpdate, 1), Start = early };

        var merged = eds.Merge(config);

        Assert.True(merged.Full);
        Assert.Equal(2, merged.ConfigsUpdated.Count);
        Assert.Equal(3, merged.Reasons[PushReason.EndpointUpdate]);
        Assert.Equal(early, merged.Start);
    }

    [Fact]
    public void Merging_with_a_global_request_stays_global()
    {
        var scoped = new PushRequest { Full = true, ConfigsUpdated = [Vs] };

        var merged = scoped.Merge(PushRequest.Global(PushReason.GlobalUpdate));

        Assert.True(merged.IsGlobal);
        Assert.True(PushRequest.Global(PushReason.GlobalUpdate).Merge(scoped).IsGlobal);
    }

    [Fact]
    public void Endpoint_requests_stay_incremental_when_merged()
    {
        var a = new PushRequest { Full = false, ConfigsUpdated = [Svc] };
        var b = new PushRequest { Full = false, ConfigsUpdated = [Svc with { Name = "ratings.shop.svc.cluster.local" }] };

        var merged = a.Merge(b);

        Assert.False(merged.Full);
        Assert.Equal(2, merged.ConfigsUpdated.Count);
    }

    private static System.Collections.Immutable.ImmutableDictionary<PushReason, int> Reasons(PushReason reason, int count) =>
        System.Collections.Immutable.ImmutableDictionary<PushReason, int>.Empty.Add(reason, count);
}
