namespace ControlPlane.Testing.Xds;

using Google.Protobuf.WellKnownTypes;

/// <summary>The four resource types one proxy received, each resource packed in an <see cref="Any"/>.</summary>
public sealed record XdsSnapshot(
    IReadOnlyList<Any> Clusters,
    IReadOnlyList<Any> Endpoints,
    IReadOnlyList<Any> Listeners,
    IReadOnlyList<Any> Routes)
{
    /// <summary>Every consistency problem (<see cref="XdsSnapshotConsistency"/>); empty when the snapshot hangs together.</summary>
    public IReadOnlyList<string> Problems() => XdsSnapshotConsistency.Check(Clusters, Endpoints, Listeners, Routes);
}
