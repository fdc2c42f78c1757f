namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>GetDestinationCluster</c>: the destination's port if given, else the service's only port, else the listener port.
/// Unknown hosts still get a name: traffic to them fails at the cluster, as with istiod.
/// </summary>
internal static class DestinationClusters
{
    public static string For(Destination destination, string fqdn, Service? service, int listenerPort)
    {
        var port = listenerPort;
        if (destination.Port != 0)
        {
            port = destination.Port;
        }
        else if (service is { Ports.Length: 1 })
        {
            port = service.Ports[0].Port;
        }

        return ClusterName.Outbound(port, destination.Subset, fqdn);
    }
}
