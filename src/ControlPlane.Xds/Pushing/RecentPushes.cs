namespace ControlPlane.Xds.Pushing;

using System.Collections.Immutable;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Metrics;

/// <summary>
/// A bounded ring of the last released pushes, newest last (<c>/debug/push_status</c>). Memory stays bounded: at most
/// <see cref="Capacity"/> records of at most <see cref="MaxKeys"/> key names each; older records are overwritten.
/// Thread-safe: the scheduler writes (one release at a time), debug readers copy under the same lock.
/// </summary>
internal sealed class RecentPushes
{
    public const int Capacity = 100;
    public const int MaxKeys = 100;

    private readonly object gate = new();
    private readonly PushRecord?[] ring = new PushRecord?[Capacity];
    private long written;

    public void Record(
        DebouncedBatch batch, long version, PushSelectionTally selected, int connections, TimeSpan buildTime)
    {
        var request = batch.Request;
        var record = new PushRecord(
            batch.ReleasedAt,
            version,
            request.Full,
            request.Reasons.ToImmutableDictionary(r => XdsMetrics.ReasonLabel(r.Key), r => r.Value),
            Keys(request),
            request.ConfigsUpdated.Count,
            selected.Counts,
            selected.Examples,
            connections,
            buildTime.TotalMilliseconds,
            (batch.ReleasedAt - batch.FirstAt).TotalMilliseconds);
        lock (gate)
        {
            ring[written % Capacity] = record;
            written++;
        }
    }

    /// <summary>The recorded pushes, oldest first.</summary>
    public IReadOnlyList<PushRecord> Snapshot()
    {
        lock (gate)
        {
            var count = (int)Math.Min(written, Capacity);
            var result = new List<PushRecord>(count);
            for (var i = written - count; i < written; i++)
            {
                result.Add(ring[i % Capacity]!);
            }

            return result;
        }
    }

    private static ImmutableArray<string> Keys(PushRequest request) =>
        [.. request.ConfigsUpdated.Select(k => k.ToString()).Order(StringComparer.Ordinal).Take(MaxKeys)];
}
