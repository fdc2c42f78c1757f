namespace ControlPlane.Xds.Status;

/// <summary>What one stream asked for on one type, what it was sent, and what it ACKed or NACKed.</summary>
public sealed record SubscriptionStatus(
    string TypeUrl,
    bool Wildcard,
    IReadOnlyList<string> ResourceNames,
    string SentVersion,
    string SentNonce,
    DateTimeOffset? SentAt,
    string AckedVersion,
    string AckedNonce,
    NackRecord? LastNack)
{
    /// <summary>istioctl's view: SYNCED when the last sent nonce was ACKed, STALE when it waits, NOT_SENT, or ERROR after a NACK of it.</summary>
    public string SyncState =>
        SentNonce.Length == 0 ? "NOT_SENT"
        : LastNack is not null && LastNack.Nonce == SentNonce ? "ERROR"
        : AckedNonce == SentNonce ? "SYNCED"
        : "STALE";
}
