namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;

/// <summary>
/// The merged request the debouncer releases, with the newest snapshot handed in with any of its parts (null if none
/// was), when its first change arrived and when it was released.
/// </summary>
internal sealed record DebouncedBatch(PushRequest Request, MeshSnapshot? Snapshot, DateTimeOffset FirstAt, DateTimeOffset ReleasedAt);
