namespace ControlPlane.Xds.Generation.Routes;

using System.Globalization;
using Envoy.Config.Route.V3;

/// <summary>
/// Turns wrappers into virtual hosts (<c>BuildSidecarOutboundVirtualHosts</c>): one per service and per non-service
/// VirtualService host, named <c>host:port</c>. A name or domain already taken by an earlier virtual host is skipped
/// (istiod counts these in <c>pilot_vservice_dup_domain</c>).
/// </summary>
internal static class VirtualHostBuilder
{
    public static List<VirtualHost> Build(IReadOnlyList<VirtualHostWrapper> wrappers, int listenerPort, string proxyDnsDomain)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var usedDomains = new HashSet<string>(StringComparer.Ordinal);
        var knownFqdns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wrapper in wrappers)
        {
            foreach (var service in wrapper.Services)
            {
                knownFqdns.Add(Name(service.Hostname, wrapper.Port));
                knownFqdns.Add(service.Hostname);
            }
        }

        var result = new List<VirtualHost>();
        // Listener port 0 (a Unix domain socket) serves the virtual hosts of every port.
        foreach (var wrapper in wrappers.Where(w => (listenerPort == 0 || w.Port == listenerPort) && w.Routes.Count > 0))
        {
            foreach (var host in wrapper.VirtualServiceHosts)
            {
                Add(result, names, wrapper, host, Dedupe([host], usedDomains, [], knownFqdns));
            }

            foreach (var service in wrapper.Services)
            {
                var (domains, altHosts) = VirtualHostDomains.For(service, proxyDnsDomain);
                Add(result, names, wrapper, service.Hostname, Dedupe(domains, usedDomains, altHosts, knownFqdns));
            }
        }

        return result;
    }

    public static string Name(string host, int port) => string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");

    private static void Add(List<VirtualHost> result, HashSet<string> names, VirtualHostWrapper wrapper, string host, List<string> domains)
    {
        var name = Name(host, wrapper.Port);
        if (!names.Add(name) || domains.Count == 0)
        {
            return;
        }

        var virtualHost = new VirtualHost { Name = name, IncludeRequestAttemptCount = true };
        virtualHost.Domains.AddRange(domains);
        // Shared, not cloned: routes are never changed once built, and serializing one instance under several virtual
        // hosts writes the same bytes each time.
        virtualHost.Routes.AddRange(wrapper.Routes);
        result.Add(virtualHost);
    }

    /// <summary>
    /// <c>dedupeDomains</c>: drops domains already used, and expanded short forms that collide with a real FQDN (so
    /// <c>foo.com.cluster.local</c>'s expansion <c>foo.com</c> cannot shadow a real <c>foo.com</c>).
    /// </summary>
    private static List<string> Dedupe(List<string> domains, HashSet<string> used, List<string> altHosts, HashSet<string> knownFqdns)
    {
        var result = new List<string>();
        foreach (var domain in domains)
        {
            var key = domain.ToLowerInvariant();
            if (used.Contains(key) || (altHosts.Contains(domain) && knownFqdns.Contains(domain)))
            {
                continue;
            }

            result.Add(domain);
            used.Add(key);
        }

        return result;
    }
}
