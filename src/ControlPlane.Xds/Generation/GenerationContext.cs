namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Scoping;

/// <summary>Everything a generator may read: the push snapshot, the proxy, its scope, and what it asked for.</summary>
internal sealed record GenerationContext(PushContext Push, Proxy Proxy, SidecarScope Scope, WatchedResources Watched);
