namespace ControlPlane.Kubernetes.Endpoints;

/// <summary>One <c>containers[].ports[]</c> entry of a pod.</summary>
internal sealed record ContainerPort(string Name, int Port);
