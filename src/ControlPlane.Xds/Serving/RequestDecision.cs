namespace ControlPlane.Xds.Serving;

/// <summary>
/// The result of applying one request to a stream's subscriptions. <see cref="NackingDelta"/> is +1 when the request
/// started a NACK streak on its type, -1 when it ended one (ACK or unsubscribe), for the per-type reject gauges.
/// For delta streams, <see cref="Added"/> are the newly subscribed names and <see cref="Removed"/> the unsubscribed
/// names the client held (to list in removed_resources).
/// </summary>
internal sealed record RequestDecision(
    RequestOutcome Outcome,
    Subscription? Subscription,
    int NackingDelta = 0,
    bool Respond = false,
    bool IsNew = false,
    IReadOnlyList<string>? Added = null,
    IReadOnlyList<string>? Removed = null);
