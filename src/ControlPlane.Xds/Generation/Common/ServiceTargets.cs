namespace ControlPlane.Xds.Generation.Common;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// The proxy's service targets: every endpoint registered at one of its IPs, joined with its service port. Ordered by
/// service host, namespace, then service port, so that "first service wins" on a shared target port is deterministic
/// (istiod picks the oldest service).
/// </summary>
internal static class ServiceTargets
{
    public static ImmutableArray<ServiceTarget> For(GenerationContext context)
    {
        var targets = new List<ServiceTarget>();
        var seen = new HashSet<(ServiceKey, int, int)>();
        foreach (var ip in context.Proxy.IpAddresses.Distinct(StringComparer.Ordinal))
        {
            foreach (var (key, endpoint) in context.Push.Endpoints.AtAddress(ip))
            {
                if (!context.Push.Services.ByKey.TryGetValue(key, out var service)
                    || EndpointPorts.ServicePortOf(service, endpoint) is not { } port
                    || port.Protocol == Protocol.Udp
                    || !seen.Add((key, port.Port, endpoint.Port)))
                {
                    continue;
                }

                targets.Add(new ServiceTarget(service, port, endpoint.Port));
            }
        }

        return [.. targets
            .OrderBy(t => t.Service.Hostname, StringComparer.Ordinal)
            .ThenBy(t => t.Service.Namespace, StringComparer.Ordinal)
            .ThenBy(t => t.Port.Port)];
    }
}
