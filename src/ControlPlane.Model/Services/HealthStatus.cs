namespace ControlPlane.Model.Services;

public enum HealthStatus
{
    Healthy,
    Unhealthy,
    /// <summary>Terminating (EndpointSlice <c>terminating: true</c>): kept out of load balancing.</summary>
    Draining,
}
