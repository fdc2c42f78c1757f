namespace ControlPlane.Xds.Pushing;

using System.Collections.Immutable;

/// <summary>
/// One released push as <c>/debug/push_status</c> shows it: when, which mesh version, the reasons with counts, the config
/// keys (at most <see cref="RecentPushes.MaxKeys"/> listed, <see cref="KeyCount"/> is the true number), full or EDS-only,
/// and how many connections were selected for each <see cref="PushSelection"/> reason out of how many connected, with
/// the first proxy ids of each reason (<see cref="PushSelectionTally.MaxProxyIds"/> at most).
/// </summary>
internal sealed record PushRecord(
    DateTimeOffset ReleasedAt,
    long Version,
    bool Full,
    ImmutableDictionary<string, int> Reasons,
    ImmutableArray<string> ConfigKeys,
    int KeyCount,
    ImmutableDictionary<PushSelection, int> Selected,
    ImmutableDictionary<PushSelection, ImmutableArray<string>> ExampleProxies,
    int Connections,
    double BuildMilliseconds,
    double DebounceMilliseconds)
{
    public int Pushed => Selected.Values.Sum();
}
