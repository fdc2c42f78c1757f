namespace ControlPlane.Kubernetes.Endpoints;

/// <summary>An EndpointSlice port: its name matches the service port name.</summary>
internal sealed record SlicePort(string Name, int Port);
