namespace ControlPlane.Xds.Tests.Serving;

using ControlPlane.Xds.Serving;
using Envoy.Service.Discovery.V3;

public sealed class DeltaRequestRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, Subscription> subscriptions = new(StringComparer.Ordinal);

    [Fact]
    public void First_request_records_initial_versions_and_is_answered()
    {
        var request = Request(TypeUrls.Cluster);
        request.InitialResourceVersions["c1"] = "h1";

        var decision = Apply(request);

        Assert.True(decision.Respond);
        Assert.True(decision.IsNew);
        Assert.True(decision.Subscription!.Wildcard);
        Assert.Equal("h1", decision.Subscription.ClientVersions["c1"]);
    }

    [Fact]
    public void Star_subscribes_to_the_wildcard_and_unsubscribing_it_ends_it()
    {
        Apply(Request(TypeUrls.Endpoint, subscribe: ["*"]));
        Assert.True(subscriptions[TypeUrls.Endpoint].Wildcard);

        Apply(Request(TypeUrls.Endpoint, subscribe: ["a"], unsubscribe: ["*"]));
        Assert.False(subscriptions[TypeUrls.Endpoint].Wildcard);
        Assert.Equal(["a"], subscriptions[TypeUrls.Endpoint].Names);
    }

    [Fact]
    public void Named_first_request_on_eds_is_not_wildcard()
    {
        Apply(Request(TypeUrls.Endpoint, subscribe: ["a"]));

        Assert.False(subscriptions[TypeUrls.Endpoint].Wildcard);
    }

    [Fact]
    public void Subscribe_and_unsubscribe_maintain_names_and_report_held_removals()
    {
        var first = Apply(Request(TypeUrls.Endpoint, subscribe: ["a", "b"]));
        first.Subscription!.ClientVersions["a"] = "h";

        var decision = Apply(Request(TypeUrls.Endpoint, subscribe: ["c"], unsubscribe: ["a", "b"]));

        Assert.True(decision.Respond);
        Assert.Equal(["c"], decision.Added);
        Assert.Equal(["a"], decision.Removed); // only what the client held
        Assert.Equal(["c"], subscriptions[TypeUrls.Endpoint].Names);
        Assert.False(subscriptions[TypeUrls.Endpoint].ClientVersions.ContainsKey("a"));
    }

    [Fact]
    public void Ack_nack_and_stale_follow_the_sotw_rules()
    {
        Apply(Request(TypeUrls.Cluster)).Subscription!.RecordSent("v1", "n1", Now);

        var ack = Apply(Request(TypeUrls.Cluster, nonce: "n1"));
        Assert.Equal(RequestOutcome.Ack, ack.Outcome);
        Assert.False(ack.Respond);
        Assert.Equal("v1", subscriptions[TypeUrls.Cluster].AckedVersion);

        subscriptions[TypeUrls.Cluster].RecordSent("v2", "n2", Now);
        var nackRequest = Request(TypeUrls.Cluster, nonce: "n2");
        nackRequest.ErrorDetail = new Google.Rpc.Status { Message = "no" };
        var nack = Apply(nackRequest);
        Assert.Equal(RequestOutcome.Nack, nack.Outcome);
        Assert.False(nack.Respond);
        Assert.Equal(new Xds.Status.NackRecord("n2", "v1", "no", Now), subscriptions[TypeUrls.Cluster].LastNack);

        var stale = Apply(Request(TypeUrls.Cluster, nonce: "n1"));
        Assert.Equal(RequestOutcome.Stale, stale.Outcome);
        Assert.False(stale.Respond);
    }

    [Fact]
    public void New_names_are_answered_even_with_a_stale_nonce()
    {
        Apply(Request(TypeUrls.Endpoint, subscribe: ["a"])).Subscription!.RecordSent("v2", "n2", Now);

        var decision = Apply(Request(TypeUrls.Endpoint, subscribe: ["b"], nonce: "n1"));

        Assert.Equal(RequestOutcome.Stale, decision.Outcome);
        Assert.True(decision.Respond);
        Assert.Equal(["b"], decision.Added);
    }

    private RequestDecision Apply(DeltaDiscoveryRequest request) => DeltaRequestRules.Evaluate(subscriptions, request, Now);

    private static DeltaDiscoveryRequest Request(string typeUrl, string[]? subscribe = null, string[]? unsubscribe = null, string nonce = "")
    {
        var request = new DeltaDiscoveryRequest { TypeUrl = typeUrl, ResponseNonce = nonce };
        request.ResourceNamesSubscribe.AddRange(subscribe ?? []);
        request.ResourceNamesUnsubscribe.AddRange(unsubscribe ?? []);
        return request;
    }
}
