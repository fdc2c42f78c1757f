namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Status;
using Envoy.Service.Discovery.V3;

/// <summary>
/// Incremental (delta) request rules.
/// Subscription changes are applied whatever the nonce says: a delta client sends them independently of ACKs, and
/// dropping one would leave it waiting forever. The first request on a type creates the subscription: its
/// initial_resource_versions are what the client already holds (a reconnect), and on CDS/LDS an empty subscribe list
/// (or <c>*</c>) is the wildcard. <c>*</c> in unsubscribe ends the wildcard.
/// ACK/NACK/stale follow the SotW rules: error_detail = NACK (recorded, never answered), the last sent nonce = ACK of
/// that response, any other non-empty nonce = stale. The request is answered when it is the first on its type, adds
/// names, or unsubscribes names the client held (their removal is confirmed in removed_resources).
/// </summary>
internal static class DeltaRequestRules
{
    public static RequestDecision Evaluate(IDictionary<string, Subscription> subscriptions, DeltaDiscoveryRequest request, DateTimeOffset now)
    {
        var typeUrl = request.TypeUrl;
        var isNew = !subscriptions.TryGetValue(typeUrl, out var subscription);
        if (subscription is null)
        {
            subscription = new Subscription(typeUrl);
            subscriptions[typeUrl] = subscription;
            foreach (var (name, version) in request.InitialResourceVersions)
            {
                subscription.ClientVersions[name] = version;
            }

            var legacyWildcard = TypeUrls.IsWildcardType(typeUrl) && request.ResourceNamesSubscribe.Count == 0;
            subscription.SetWildcard(legacyWildcard || request.ResourceNamesSubscribe.Contains("*"));
        }
        else if (request.ResourceNamesSubscribe.Contains("*"))
        {
            subscription.SetWildcard(true);
        }

        var added = request.ResourceNamesSubscribe.Where(n => n != "*" && subscription.AddName(n)).ToList();
        var removed = Unsubscribe(subscription, request);
        var respond = isNew || added.Count > 0 || removed.Count > 0;

        if (request.ErrorDetail is not null)
        {
            var nack = new NackRecord(request.ResponseNonce, subscription.AckedVersion, request.ErrorDetail.Message, now);
            var started = subscription.RecordNack(nack);
            return new RequestDecision(RequestOutcome.Nack, subscription, started ? 1 : 0, respond, isNew, added, removed);
        }

        if (request.ResponseNonce.Length == 0)
        {
            return new RequestDecision(respond ? RequestOutcome.Respond : RequestOutcome.Ignore, subscription, 0, respond, isNew, added, removed);
        }

        if (request.ResponseNonce != subscription.SentNonce)
        {
            return new RequestDecision(RequestOutcome.Stale, subscription, 0, respond, isNew, added, removed);
        }

        var ended = subscription.RecordAck(request.ResponseNonce, subscription.SentVersion);
        return new RequestDecision(respond ? RequestOutcome.Respond : RequestOutcome.Ack, subscription, ended ? -1 : 0, respond, isNew, added, removed);
    }

    /// <summary>Drops unsubscribed names; returns those the client held and no wildcard still covers (to confirm as removed).</summary>
    private static List<string> Unsubscribe(Subscription subscription, DeltaDiscoveryRequest request)
    {
        var removed = new List<string>();
        if (request.ResourceNamesUnsubscribe.Contains("*") && subscription.Wildcard)
        {
            subscription.SetWildcard(false);
            removed.AddRange(subscription.ClientVersions.Keys.Where(n => !subscription.Names.Contains(n)));
        }

        foreach (var name in request.ResourceNamesUnsubscribe)
        {
            if (name != "*" && subscription.RemoveName(name) && !subscription.Wildcard && subscription.ClientVersions.ContainsKey(name))
            {
                removed.Add(name);
            }
        }

        removed = removed.Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in removed)
        {
            subscription.ClientVersions.Remove(name);
        }

        return removed;
    }
}
