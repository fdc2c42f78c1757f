namespace ControlPlane.Kubernetes.Informers;

using System.Collections.Immutable;

/// <summary>
/// The informer's cache at one instant: every object by key and the resourceVersion it reflects. Immutable; the informer
/// swaps in a new one per change, so a reader holding it sees a consistent state without locking.
/// </summary>
public sealed record ResourceSnapshot<T>(ImmutableDictionary<ResourceKey, T> Items, string ResourceVersion)
{
    public static readonly ResourceSnapshot<T> Empty = new(ImmutableDictionary<ResourceKey, T>.Empty, "");
}
