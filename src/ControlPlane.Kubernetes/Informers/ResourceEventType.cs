namespace ControlPlane.Kubernetes.Informers;

/// <summary>What happened to one object, as seen by the informer's cache (not the raw watch event type).</summary>
public enum ResourceEventType
{
    Added,
    Updated,
    Deleted,
}
