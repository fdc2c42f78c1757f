namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// <c>MostSpecificWildcardVirtualServiceIndex</c>: when several wildcard VirtualService hosts match one service, only the
/// most specific one attaches to it, so a service gets routes from one VirtualService.
/// </summary>
internal static class WildcardVirtualServices
{
    public static Dictionary<string, ConfigKey> MostSpecific(IEnumerable<Service> services, IReadOnlyList<VirtualServiceEntry> virtualServices)
    {
        var result = new Dictionary<string, ConfigKey>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            string? bestHost = null;
            foreach (var vs in virtualServices)
            {
                foreach (var host in vs.Hosts)
                {
                    if (HostName.IsWildcard(host) && HostName.Matches(host, service.Hostname)
                        && (bestHost is null || HostName.CompareSpecificity(host, bestHost) < 0))
                    {
                        bestHost = host;
                        result[service.Hostname] = vs.Config.Key;
                    }
                }
            }
        }

        return result;
    }
}
