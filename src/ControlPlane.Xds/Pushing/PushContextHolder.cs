namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;
using ControlPlane.Xds.Metrics;

/// <summary>
/// The current <see cref="PushContext"/>, swapped whole. The scheduler advances it once per debounced push; a proxy that
/// connects before the first push gets one built from <see cref="MeshStore.Current"/>. Builds are serialized by a
/// lock; reads are a volatile load. Contexts only move forward: a build never uses a snapshot older than the current one.
/// </summary>
internal sealed class PushContextHolder(MeshStore store, XdsMetrics metrics, TimeProvider time)
{
    private readonly object gate = new();
    private PushContext? current;

    public PushContext? Current => Volatile.Read(ref current);

    public PushContext GetOrBuild()
    {
        if (Current is { } existing)
        {
            return existing;
        }

        lock (gate)
        {
            if (current is null)
            {
                var start = time.GetTimestamp();
                var built = PushContextBuilder.Build(store.Current);
                metrics.PushContextBuilt(time.GetElapsedTime(start).TotalSeconds);
                metrics.MeshSize(built);
                Volatile.Write(ref current, built);
            }

            return current;
        }
    }

    /// <summary>
    /// The newer of <paramref name="candidate"/> and the current context. A queued push generates from this, so it never
    /// sends older state than a request answered meanwhile from a newer context.
    /// </summary>
    public PushContext Newest(PushContext candidate) =>
        Current is { } current && current.Version > candidate.Version ? current : candidate;

    /// <summary>Builds and installs the next context for <paramref name="request"/>; returns the previous one and the build time.</summary>
    public (PushContext? Previous, PushContext Next, TimeSpan BuildTime) Advance(PushRequest request, MeshSnapshot? snapshot)
    {
        lock (gate)
        {
            var previous = current;
            var next = snapshot ?? store.Current;
            if (previous is not null && previous.Snapshot.Version > next.Version)
            {
                next = previous.Snapshot;
            }

            var start = time.GetTimestamp();
            var built = PushContextBuilder.Build(previous, next, request);
            var elapsed = time.GetElapsedTime(start);
            metrics.PushContextBuilt(elapsed.TotalSeconds);
            Volatile.Write(ref current, built);
            return (previous, built, elapsed);
        }
    }
}
