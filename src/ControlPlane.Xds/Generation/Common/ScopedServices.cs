namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Scoping;
using ControlPlane.Model.Services;

/// <summary>
/// Resolves host names against what the proxy can see. Two namespaces may declare the same host (ServiceEntries);
/// names like <c>outbound|80||host</c> cannot tell them apart, so one wins: the proxy's own namespace, else the first in
/// scope order.
/// </summary>
internal static class ScopedServices
{
    public static List<Service> DistinctByHost(IEnumerable<Service> services, string proxyNamespace)
    {
        var chosen = new Dictionary<string, Service>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var service in services)
        {
            if (!chosen.TryGetValue(service.Hostname, out var existing))
            {
                chosen[service.Hostname] = service;
                order.Add(service.Hostname);
            }
            else if (existing.Namespace != proxyNamespace && service.Namespace == proxyNamespace)
            {
                chosen[service.Hostname] = service;
            }
        }

        return order.Select(h => chosen[h]).ToList();
    }

    /// <summary>The service the proxy means by <paramref name="hostname"/>: its own namespace's, else the first in scope order.</summary>
    public static Service? Find(SidecarScope scope, string hostname, string proxyNamespace) =>
        Find(scope.ServicesWithHost(hostname), hostname, proxyNamespace);

    private static Service? Find(IEnumerable<Service> services, string hostname, string proxyNamespace)
    {
        Service? found = null;
        foreach (var service in services)
        {
            if (!string.Equals(service.Hostname, hostname, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (service.Namespace == proxyNamespace)
            {
                return service;
            }

            found ??= service;
        }

        return found;
    }
}
