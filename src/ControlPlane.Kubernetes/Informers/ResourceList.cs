namespace ControlPlane.Kubernetes.Informers;

/// <summary>One list response: its items and the list's <c>metadata.resourceVersion</c>, where a watch resumes.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string ResourceVersion);
