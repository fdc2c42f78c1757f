namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Services;

/// <summary>Which of a service's endpoints serve one of its ports.</summary>
internal static class ProxylessEndpointSelector
{
    /// <summary>
    /// Endpoints carry the name of the service port they serve; a single-port service takes all of them, since sources
    /// may leave the name empty there (an unnamed Kubernetes port, a ServiceEntry endpoint without a port map).
    /// </summary>
    public static IEnumerable<Endpoint> ForPort(IEnumerable<Endpoint> endpoints, Service service, ServicePort port) =>
        service.Ports.Length == 1 ? endpoints : endpoints.Where(e => e.ServicePortName == port.Name);
}
