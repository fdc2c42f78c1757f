namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Services;

/// <summary>Ties an endpoint to the service port it serves.</summary>
internal static class EndpointPorts
{
    /// <summary>
    /// The service port whose name is the endpoint's <see cref="Endpoint.ServicePortName"/> (istiod matches names exactly);
    /// a single-port service accepts any endpoint, since sources may leave the name empty for those.
    /// </summary>
    public static ServicePort? ServicePortOf(Service service, Endpoint endpoint)
    {
        if (service.Ports.Length == 1)
        {
            return service.Ports[0];
        }

        foreach (var port in service.Ports)
        {
            if (port.Name == endpoint.ServicePortName)
            {
                return port;
            }
        }

        return null;
    }

    public static bool Serves(Service service, ServicePort port, Endpoint endpoint) =>
        service.Ports.Length == 1 || port.Name == endpoint.ServicePortName;
}
