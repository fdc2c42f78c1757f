namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Scoping;
using ControlPlane.Model.Services;

/// <summary>
/// Finds services a proxy may see: the host must belong to a service in the proxy's <see cref="SidecarScope"/>. When two
/// namespaces declare the same host, the proxy's own namespace wins, as in istiod's <c>FindVisible</c>.
/// </summary>
internal static class ScopedServiceLookup
{
    public static Service? Find(GenerationContext context, string hostname)
    {
        Service? found = null;
        foreach (var candidate in context.Push.Services.WithHost(hostname))
        {
            if (!InScope(context.Scope, candidate))
            {
                continue;
            }

            if (candidate.Namespace == context.Proxy.Namespace)
            {
                return candidate;
            }

            found ??= candidate;
        }

        return found;
    }

    /// <summary>The service and port, or null when the host is not visible or has no such port.</summary>
    public static (Service Service, ServicePort Port)? FindPort(GenerationContext context, string hostname, int port)
    {
        var service = Find(context, hostname);
        return service?.FindPort(port) is { } servicePort ? (service, servicePort) : null;
    }

    // Scope.Services is ordered by host then namespace (ordinal), so membership is a binary search.
    private static bool InScope(SidecarScope scope, Service service)
    {
        var services = scope.Services;
        int low = 0, high = services.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var candidate = services[mid];
            var order = string.CompareOrdinal(candidate.Hostname, service.Hostname);
            if (order == 0)
            {
                order = string.CompareOrdinal(candidate.Namespace, service.Namespace);
            }

            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return false;
    }
}
