namespace ControlPlane.Kubernetes.Informers;

/// <summary>A change to the informer's cache. For <see cref="ResourceEventType.Deleted"/>, the last state the cache held.</summary>
public sealed record ResourceEvent<T>(ResourceEventType Type, ResourceKey Key, T Object);
