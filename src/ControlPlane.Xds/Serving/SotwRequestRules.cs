namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Status;
using Envoy.Service.Discovery.V3;

/// <summary>
/// State-of-the-world request rules, as istiod's <c>ShouldRespond</c> and the xDS protocol define them, checked in this order:
/// 1. error_detail set: NACK. Record (nonce, the version the client kept, message); never answer, never resend.
/// 2. EDS/RDS (any non-wildcard type) with no names: unsubscribe; nothing is sent.
/// 3. No subscription yet, or an empty nonce (first request, or a reconnect carrying its old version_info): answer.
/// 4. A nonce other than the last one sent: stale (a newer response is in flight); ignore.
/// 5. Otherwise an ACK: record it; answer only when names were added (or a named CDS/LDS became wildcard).
/// CDS and LDS are wildcard when the names are empty or contain <c>*</c> (Envoy); proxyless gRPC names them instead.
/// </summary>
internal static class SotwRequestRules
{
    public static RequestDecision Evaluate(IDictionary<string, Subscription> subscriptions, DiscoveryRequest request, DateTimeOffset now)
    {
        var typeUrl = request.TypeUrl;
        subscriptions.TryGetValue(typeUrl, out var subscription);
        if (request.ErrorDetail is not null)
        {
            if (subscription is null)
            {
                return new RequestDecision(RequestOutcome.Ignore, null);
            }

            var nack = new NackRecord(request.ResponseNonce, request.VersionInfo, request.ErrorDetail.Message, now);
            return new RequestDecision(RequestOutcome.Nack, subscription, subscription.RecordNack(nack) ? 1 : 0);
        }

        var names = request.ResourceNames;
        var wildcardType = TypeUrls.IsWildcardType(typeUrl);
        if (names.Count == 0 && !wildcardType)
        {
            if (subscription is null)
            {
                return new RequestDecision(RequestOutcome.Ignore, null);
            }

            subscriptions.Remove(typeUrl);
            return new RequestDecision(RequestOutcome.Unsubscribe, subscription, subscription.Nacking ? -1 : 0);
        }

        var wildcard = (wildcardType && names.Count == 0) || names.Contains("*");
        var explicitNames = names.Where(n => n != "*");
        if (subscription is null || request.ResponseNonce.Length == 0)
        {
            subscription ??= new Subscription(typeUrl);
            subscription.SetWildcard(wildcard);
            subscription.ReplaceNames(explicitNames);
            subscriptions[typeUrl] = subscription;
            return new RequestDecision(RequestOutcome.Respond, subscription, Respond: true);
        }

        if (request.ResponseNonce != subscription.SentNonce)
        {
            return new RequestDecision(RequestOutcome.Stale, subscription);
        }

        var endedNack = subscription.RecordAck(request.ResponseNonce, request.VersionInfo);
        var becameWildcard = wildcard && !subscription.Wildcard;
        subscription.SetWildcard(wildcard);
        var added = subscription.ReplaceNames(explicitNames);
        var respond = becameWildcard || (!subscription.Wildcard && added.Count > 0);
        return new RequestDecision(respond ? RequestOutcome.Respond : RequestOutcome.Ack, subscription, endedNack ? -1 : 0, respond);
    }
}
