namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Xds.Serving;
using Envoy.Service.Discovery.V3;

public sealed class SotwRequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, Subscription> subscriptions = new(StringComparer.Ordinal);

    [Fact]
    public void First_request_creates_the_subscription_and_is_answered()
    {
        var decision = Apply(Request(TypeUrls.Endpoint, "", "", "a", "b"));

        Assert.Equal(RequestOutcome.Respond, decision.Outcome);
        Assert.True(decision.Respond);
        Assert.Equal(["a", "b"], subscriptions[TypeUrls.Endpoint].Names.Order());
        Assert.False(subscriptions[TypeUrls.Endpoint].Wildcard);
    }

    [Theory]
    [InlineData(TypeUrls.Cluster)]
    [InlineData(TypeUrls.Listener)]
    public void Empty_names_on_cds_and_lds_are_the_wildcard(string typeUrl)
    {
        Apply(Request(typeUrl, "", ""));

        Assert.True(subscriptions[typeUrl].Wildcard);
        Assert.True(subscriptions[typeUrl].Watch.Wildcard);
    }

    [Fact]
    public void Named_cds_from_proxyless_clients_is_not_wildcard()
    {
        Apply(Request(TypeUrls.Cluster, "", "", "outbound|80||a"));

        Assert.False(subscriptions[TypeUrls.Cluster].Wildcard);
        Assert.Equal(["outbound|80||a"], subscriptions[TypeUrls.Cluster].Watch.Names);
    }

    [Fact]
    public void Matching_nonce_is_an_ack_and_is_not_answered()
    {
        Sent(Apply(Request(TypeUrls.Endpoint, "", "", "a")), "v1", "n1");

        var decision = Apply(Request(TypeUrls.Endpoint, "v1", "n1", "a"));

        Assert.Equal(RequestOutcome.Ack, decision.Outcome);
        Assert.False(decision.Respond);
        Assert.Equal("v1", subscriptions[TypeUrls.Endpoint].AckedVersion);
        Assert.Equal("n1", subscriptions[TypeUrls.Endpoint].AckedNonce);
        Assert.Equal("SYNCED", subscriptions[TypeUrls.Endpoint].ToStatus().SyncState);
    }

    [Fact]
    public void An_ack_that_adds_names_is_answered()
    {
        Sent(Apply(Request(TypeUrls.Endpoint, "", "", "a")), "v1", "n1");

        var decision = Apply(Request(TypeUrls.Endpoint, "v1", "n1", "a", "b"));

        Assert.Equal(RequestOutcome.Respond, decision.Outcome);
        Assert.Equal("v1", subscriptions[TypeUrls.Endpoint].AckedVersion);
    }

    [Fact]
    public void An_ack_that_only_drops_names_is_not_answered()
    {
        Sent(Apply(Request(TypeUrls.Endpoint, "", "", "a", "b")), "v1", "n1");

        var decision = Apply(Request(TypeUrls.Endpoint, "v1", "n1", "a"));

        Assert.Equal(RequestOutcome.Ack, decision.Outcome);
        Assert.Equal(["a"], subscriptions[TypeUrls.Endpoint].Names);
    }

    [Fact]
    public void Error_detail_is_a_nack_recorded_with_the_kept_version_and_never_answered()
    {
        Sent(Apply(Request(TypeUrls.Cluster, "", "")), "v1", "n1");
        Apply(Request(TypeUrls.Cluster, "v1", "n1"));
        Sent(subscriptions[TypeUrls.Cluster], "v2", "n2");
        var nack = Request(TypeUrls.Cluster, "v1", "n2");
        nack.ErrorDetail = new Google.Rpc.Status { Code = 13, Message = "bad" };

        var decision = Apply(nack);

        Assert.Equal(RequestOutcome.Nack, decision.Outcome);
        Assert.False(decision.Respond);
        Assert.Equal(1, decision.NackingDelta);
        Assert.Equal(new Xds.Status.NackRecord("n2", "v1", "bad", Now), subscriptions[TypeUrls.Cluster].LastNack);
        Assert.Equal("v1", subscriptions[TypeUrls.Cluster].AckedVersion);
        Assert.Equal("ERROR", subscriptions[TypeUrls.Cluster].ToStatus().SyncState);

        Assert.Equal(0, Apply(nack).NackingDelta); // a repeated NACK does not count the proxy twice
        Sent(subscriptions[TypeUrls.Cluster], "v3", "n3");
        Assert.Equal(-1, Apply(Request(TypeUrls.Cluster, "v3", "n3")).NackingDelta);
    }

    [Fact]
    public void A_stale_nonce_is_ignored_even_with_new_names()
    {
        Sent(Apply(Request(TypeUrls.Endpoint, "", "", "a")), "v1", "n1");
        Sent(subscriptions[TypeUrls.Endpoint], "v2", "n2");

        var decision = Apply(Request(TypeUrls.Endpoint, "v1", "n1", "a", "b"));

        Assert.Equal(RequestOutcome.Stale, decision.Outcome);
        Assert.False(decision.Respond);
        Assert.Equal(["a"], subscriptions[TypeUrls.Endpoint].Names);
        Assert.Equal("", subscriptions[TypeUrls.Endpoint].AckedNonce);
    }

    [Fact]
    public void An_empty_nonce_is_always_answered()
    {
        Sent(Apply(Request(TypeUrls.Cluster, "", "")), "v1", "n1");
        Apply(Request(TypeUrls.Cluster, "v1", "n1"));

        var decision = Apply(Request(TypeUrls.Cluster, "v1", ""));

        Assert.Equal(RequestOutcome.Respond, decision.Outcome);
    }

    [Theory]
    [InlineData(TypeUrls.Endpoint)]
    [InlineData(TypeUrls.Route)]
    public void Empty_names_on_eds_and_rds_unsubscribe(string typeUrl)
    {
        Sent(Apply(Request(typeUrl, "", "", "a")), "v1", "n1");

        var decision = Apply(Request(typeUrl, "v1", "n1"));

        Assert.Equal(RequestOutcome.Unsubscribe, decision.Outcome);
        Assert.False(decision.Respond);
        Assert.False(subscriptions.ContainsKey(typeUrl));
        Assert.Equal(RequestOutcome.Ignore, Apply(Request(typeUrl, "", "")).Outcome);
    }

    [Fact]
    public void A_nack_for_a_type_never_subscribed_is_ignored()
    {
        var nack = Request(TypeUrls.Route, "", "n9", "80");
        nack.ErrorDetail = new Google.Rpc.Status { Message = "?" };

        Assert.Equal(RequestOutcome.Ignore, Apply(nack).Outcome);
        Assert.Empty(subscriptions);
    }

    private RequestDecision Apply(DiscoveryRequest request) => SotwRequestRules.Evaluate(subscriptions, request, Now);

    private static void Sent(RequestDecision decision, string version, string nonce) => Sent(decision.Subscription!, version, nonce);

    private static void Sent(Subscription subscription, string version, string nonce) => subscription.RecordSent(version, nonce, Now);

    private static DiscoveryRequest Request(string typeUrl, string version, string nonce, params string[] names)
    {
        var request = new DiscoveryRequest { TypeUrl = typeUrl, VersionInfo = version, ResponseNonce = nonce };
        request.ResourceNames.AddRange(names);
        return request;
    }
}
