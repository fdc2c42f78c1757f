namespace ControlPlane.Xds.Serving;

/// <summary>
/// What one delta response should cover.
/// <see cref="Names"/>: the names to generate and diff; null = the whole subscription.
/// <see cref="AnnounceMissing"/>: list names that do not resolve in removed_resources even if the client never held them
/// (how delta tells a client a resource it just subscribed to does not exist).
/// <see cref="Forced"/>: names sent even when the client holds the same version (EDS after CDS).
/// <see cref="Removed"/>: names already known to be removed (unsubscribed names the client held).
/// <see cref="AlwaysSend"/>: answer even when nothing changed (the first request on a type is always answered).
/// </summary>
internal sealed record DeltaSendPlan(
    IReadOnlyCollection<string>? Names,
    bool AnnounceMissing,
    IReadOnlySet<string> Forced,
    IReadOnlyList<string> Removed,
    bool AlwaysSend)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public static DeltaSendPlan Whole { get; } = new(null, false, None, [], false);

    public static DeltaSendPlan NewSubscription(IReadOnlyList<string>? removed) => new(null, true, None, removed ?? [], true);

    public static DeltaSendPlan Changes(IReadOnlyList<string>? added, IReadOnlyList<string>? removed) =>
        new(added ?? [], true, None, removed ?? [], false);

    public static DeltaSendPlan Only(IReadOnlyCollection<string> names) => new(names, false, None, [], false);

    public static DeltaSendPlan Resend(IReadOnlyCollection<string>? names, IReadOnlySet<string> forced) => new(names, false, forced, [], false);
}
