namespace ControlPlane.Xds.Generation.Endpoints;

using System.Net;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// Which endpoints of a service a cluster gets (<c>EndpointBuilder.BuildClusterLoadAssignment</c> and
/// <c>filterIstioEndpoint</c>): the port's endpoints, within the subset, minus unhealthy ones, and minus draining ones
/// unless the service uses persistent sessions.
/// </summary>
internal static class EndpointSelection
{
    /// <summary>istiod's <c>PERSISTENT_SESSION_LABEL</c> default: services with it keep draining endpoints for sticky sessions.</summary>
    public const string PersistentSessionLabel = "istio.io/persistent-session";

    /// <param name="requireIpAddress">EDS drops endpoints whose address is not an IP (ServiceEntry host names); DNS clusters keep them.</param>
    public static IEnumerable<Endpoint> Select(
        IEnumerable<Endpoint> endpoints,
        Service service,
        ServicePort port,
        IReadOnlyDictionary<string, string>? subsetLabels,
        bool requireIpAddress)
    {
        var keepDraining = service.Labels.ContainsKey(PersistentSessionLabel);
        foreach (var endpoint in endpoints)
        {
            if (!EndpointPorts.Serves(service, port, endpoint)
                || (requireIpAddress && !IPAddress.TryParse(endpoint.Address, out _))
                || !MatchesSubset(endpoint, subsetLabels)
                || endpoint.Health == HealthStatus.Unhealthy
                || (endpoint.Health == HealthStatus.Draining && !keepDraining))
            {
                continue;
            }

            yield return endpoint;
        }
    }

    private static bool MatchesSubset(Endpoint endpoint, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return true;
        }

        foreach (var (key, value) in labels)
        {
            if (!endpoint.Labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        return true;
    }
}
