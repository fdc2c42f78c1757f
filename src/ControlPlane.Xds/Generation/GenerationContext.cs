namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Scoping;
using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// Everything a generator may read: the push snapshot, the proxy, its scope, and what it asked for; plus the server's
/// caches of resources many proxies share (a pass-through unless the server sets them).
/// </summary>
internal sealed record GenerationContext(PushContext Push, Proxy Proxy, SidecarScope Scope, WatchedResources Watched)
{
    public ResourceCaches Caches { get; init; } = ResourceCaches.Disabled;
}
