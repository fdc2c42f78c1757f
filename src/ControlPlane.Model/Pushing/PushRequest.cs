namespace ControlPlane.Model.Pushing;

using System.Collections.Immutable;
using ControlPlane.Model.Config;

/// <summary>
/// What changed. <see cref="Full"/> = false means only endpoints of the services named in <see cref="ConfigsUpdated"/>
/// (as <see cref="ConfigKind.Service"/> keys) changed: EDS only. An empty <see cref="ConfigsUpdated"/> on a full push
/// means "anything may have changed" (every proxy, every type).
/// </summary>
public sealed record PushRequest
{
    public required bool Full { get; init; }

    public ImmutableHashSet<ConfigKey> ConfigsUpdated { get; init; } = [];

    public ImmutableDictionary<PushReason, int> Reasons { get; init; } = ImmutableDictionary<PushReason, int>.Empty;

    /// <summary>When the first change in this request happened; convergence time is measured from here.</summary>
    public DateTimeOffset Start { get; init; } = DateTimeOffset.UtcNow;

    public bool IsGlobal => Full && ConfigsUpdated.IsEmpty;

    public static PushRequest Global(PushReason reason) =>
        new() { Full = true, Reasons = ImmutableDictionary<PushReason, int>.Empty.Add(reason, 1) };

    /// <summary>Merges as istiod does: Full is OR-ed, keys unioned (a global side stays global), reasons summed, earliest start.</summary>
    public PushRequest Merge(PushRequest other)
    {
        var reasons = Reasons;
        foreach (var (reason, count) in other.Reasons)
        {
            reasons = reasons.SetItem(reason, reasons.GetValueOrDefault(reason) + count);
        }

        var global = IsGlobal || other.IsGlobal;
        return new PushRequest
        {
            Full = Full || other.Full,
            ConfigsUpdated = global ? [] : ConfigsUpdated.Union(other.ConfigsUpdated),
            Reasons = reasons,
            Start = Start <= other.Start ? Start : other.Start,
        };
    }
}
