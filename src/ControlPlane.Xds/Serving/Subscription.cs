namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Status;

/// <summary>
/// What one stream asked for on one type URL and where the exchange stands: the subscribed names (or wildcard), the
/// last response sent (nonce, version, time), the last ACK and NACK, and, for delta streams, the version of every
/// resource the client holds. Shared by the SotW and delta handlers, which update it through
/// <see cref="SotwRequestRules"/> and <see cref="DeltaRequestRules"/>.
/// Not thread-safe: owned by its connection's loop. Other threads read the immutable <see cref="ToStatus"/> /
/// <see cref="Watch"/> snapshots the connection publishes.
/// </summary>
internal sealed class Subscription(string typeUrl)
{
    private WatchedResources? watch;
    private string[]? sortedNames;

    public string TypeUrl { get; } = typeUrl;

    public bool Wildcard { get; private set; }

    /// <summary>Explicitly subscribed names (besides the wildcard, if any).</summary>
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public string SentNonce { get; private set; } = "";

    public string SentVersion { get; private set; } = "";

    public DateTimeOffset? SentAt { get; private set; }

    public string AckedVersion { get; private set; } = "";

    public string AckedNonce { get; private set; } = "";

    public NackRecord? LastNack { get; private set; }

    /// <summary>True from a NACK until the next ACK: the proxy currently rejects this type.</summary>
    public bool Nacking { get; private set; }

    /// <summary>Delta only: resource name to the version (content hash) the client holds, as far as the server knows.</summary>
    public Dictionary<string, string> ClientVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>SotW only: hash of the last full response's resources, so an identical push can be skipped.</summary>
    public string? LastSentContentHash { get; set; }

    /// <summary>The subscription as generators see it; cached until the names change.</summary>
    public WatchedResources Watch => watch ??= Wildcard ? WatchedResources.All : WatchedResources.Of(Names);

    public void SetWildcard(bool wildcard)
    {
        if (Wildcard != wildcard)
        {
            Wildcard = wildcard;
            NamesChanged();
        }
    }

    /// <summary>Replaces the names; returns the names that were not subscribed before.</summary>
    public IReadOnlyList<string> ReplaceNames(IEnumerable<string> names)
    {
        var next = new HashSet<string>(names, StringComparer.Ordinal);
        var added = next.Where(n => !Names.Contains(n)).ToList();
        if (added.Count > 0 || next.Count != Names.Count)
        {
            Names.Clear();
            Names.UnionWith(next);
            NamesChanged();
        }

        return added;
    }

    public bool AddName(string name)
    {
        var added = Names.Add(name);
        if (added)
        {
            NamesChanged();
        }

        return added;
    }

    public bool RemoveName(string name)
    {
        var removed = Names.Remove(name);
        if (removed)
        {
            NamesChanged();
        }

        return removed;
    }

    public void RecordSent(string version, string nonce, DateTimeOffset at)
    {
        SentVersion = version;
        SentNonce = nonce;
        SentAt = at;
    }

    /// <summary>Records an ACK; returns true when it ended a NACK streak.</summary>
    public bool RecordAck(string nonce, string version)
    {
        AckedNonce = nonce;
        AckedVersion = version;
        var wasNacking = Nacking;
        Nacking = false;
        return wasNacking;
    }

    /// <summary>Records a NACK; returns true when it started a NACK streak.</summary>
    public bool RecordNack(NackRecord nack)
    {
        LastNack = nack;
        var started = !Nacking;
        Nacking = true;
        return started;
    }

    public SubscriptionStatus ToStatus() => new(
        TypeUrl,
        Wildcard,
        sortedNames ??= [.. Names.Order(StringComparer.Ordinal)],
        SentVersion,
        SentNonce,
        SentAt,
        AckedVersion,
        AckedNonce,
        LastNack);

    private void NamesChanged()
    {
        watch = null;
        sortedNames = null;
    }
}
