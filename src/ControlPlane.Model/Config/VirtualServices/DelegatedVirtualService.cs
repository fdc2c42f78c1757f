namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>
/// A VirtualService as served: for a root, its delegating rules replaced by the delegates' merged rules; and the keys of
/// every delegate it names (found or not), which is what a change to a delegate must reach.
/// </summary>
public sealed record DelegatedVirtualService(VirtualService Effective, ImmutableArray<ConfigKey> Delegates);
