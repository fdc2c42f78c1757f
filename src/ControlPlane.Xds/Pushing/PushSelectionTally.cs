namespace ControlPlane.Xds.Pushing;

using System.Collections.Immutable;

/// <summary>
/// The connections one push selected, counted per <see cref="PushSelection"/> reason, with the first
/// <see cref="MaxProxyIds"/> proxy ids of each reason kept as examples (bounded whatever the fleet size). One push, one
/// thread: not thread-safe.
/// </summary>
internal sealed class PushSelectionTally
{
    public const int MaxProxyIds = 20;

    private readonly Dictionary<PushSelection, int> counts = [];
    private readonly Dictionary<PushSelection, List<string>> examples = [];

    public int Total { get; private set; }

    public void Add(PushSelection selection, string proxyId)
    {
        counts[selection] = counts.GetValueOrDefault(selection) + 1;
        if (!examples.TryGetValue(selection, out var ids))
        {
            ids = [];
            examples[selection] = ids;
        }

        if (ids.Count < MaxProxyIds)
        {
            ids.Add(proxyId);
        }

        Total++;
    }

    public ImmutableDictionary<PushSelection, int> Counts => counts.ToImmutableDictionary();

    public ImmutableDictionary<PushSelection, ImmutableArray<string>> Examples =>
        examples.ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutableArray());
}
