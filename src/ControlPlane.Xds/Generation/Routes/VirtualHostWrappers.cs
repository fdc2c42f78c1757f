namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// <c>BuildSidecarVirtualHostWrapper</c>: wrappers for VirtualServices first (their services then get no default route),
/// then a default-route wrapper per remaining HTTP or sniffed service port.
/// </summary>
internal static class VirtualHostWrappers
{
    /// <param name="services">The registry services on the listener port (every port of them for port 0).</param>
    public static List<VirtualHostWrapper> Build(
        GenerationContext context,
        IReadOnlyList<Service> services,
        IReadOnlyList<VirtualServiceEntry> virtualServices,
        int listenerPort,
        ProxyDomainView domainView)
    {
        // VirtualService destinations see each service reduced to the listener port (istiod's servicesByName), so a
        // destination without a port resolves to it.
        var portServices = listenerPort == 0 ? services : [.. services.Select(s => s with { Ports = [s.FindPort(listenerPort)!] })];
        var byHost = portServices.ToDictionary(s => s.Hostname, StringComparer.Ordinal);
        var wildcardOwners = WildcardVirtualServices.MostSpecific(portServices, virtualServices);
        var wrappers = new List<VirtualHostWrapper>();
        foreach (var vs in virtualServices)
        {
            wrappers.AddRange(ForVirtualService(context, vs, portServices, byHost, wildcardOwners, listenerPort));
        }

        var covered = wrappers.SelectMany(w => w.Services).Select(s => s.Hostname).ToHashSet(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (covered.Contains(service.Hostname) || service.Resolution == Resolution.Alias)
            {
                continue;
            }

            foreach (var port in service.Ports)
            {
                if ((listenerPort != 0 && port.Port != listenerPort) || !Protocols.IsHttpOrSniffed(port.Protocol))
                {
                    continue;
                }

                var inputs = new DefaultVirtualHostInputs(
                    new(service), port.Port, domainView.For(service.Hostname), new(HashPolicies.ForService(context, service, port.Port)));
                var shared = context.Caches.DefaultVirtualHosts.GetOrBuild(inputs, DefaultVirtualHost.Build);
                wrappers.Add(new VirtualHostWrapper(port.Port, [service], [], [shared.Route], shared));
            }
        }

        return wrappers;
    }

    private static IEnumerable<VirtualHostWrapper> ForVirtualService(
        GenerationContext context,
        VirtualServiceEntry vs,
        IReadOnlyList<Service> services,
        IReadOnlyDictionary<string, Service> byHost,
        IReadOnlyDictionary<string, Model.Config.ConfigKey> wildcardOwners,
        int listenerPort)
    {
        var routes = HttpRouteTranslator.Translate(new RouteDestinationContext(context, vs, listenerPort, byHost));
        if (routes.Count == 0)
        {
            yield break;
        }

        var (otherHosts, matching) = SplitHosts(vs, services, byHost, wildcardOwners);
        var byPort = new SortedDictionary<int, List<Service>>();
        foreach (var service in matching)
        {
            foreach (var port in service.Ports.Where(p => Protocols.IsHttpOrSniffed(p.Protocol)))
            {
                if (!byPort.TryGetValue(port.Port, out var list))
                {
                    byPort[port.Port] = list = [];
                }

                list.Add(service);
            }
        }

        // Legacy behaviour kept by istiod: on port 80, VirtualService hosts that are no service still get a virtual host.
        if (byPort.Count == 0 && listenerPort == 80)
        {
            byPort[80] = [];
        }

        foreach (var (port, portServices) in byPort)
        {
            yield return new VirtualHostWrapper(port, portServices, otherHosts, routes);
        }
    }

    /// <summary><c>separateVSHostsAndServices</c>: registry services the VirtualService names, and its other hosts.</summary>
    private static (List<string> OtherHosts, List<Service> Services) SplitHosts(
        VirtualServiceEntry vs,
        IReadOnlyList<Service> services,
        IReadOnlyDictionary<string, Service> byHost,
        IReadOnlyDictionary<string, Model.Config.ConfigKey> wildcardOwners)
    {
        var other = new List<string>();
        var matching = new List<Service>();
        foreach (var host in vs.Hosts.Where(h => !HostName.IsWildcard(h)))
        {
            if (byHost.TryGetValue(host, out var service))
            {
                matching.Add(service);
            }
            else
            {
                other.Add(host);
            }
        }

        foreach (var host in vs.Hosts.Where(HostName.IsWildcard))
        {
            var any = false;
            foreach (var service in services.Where(s => HostName.Matches(host, s.Hostname)))
            {
                any = true;
                if (wildcardOwners.TryGetValue(service.Hostname, out var owner) && owner == vs.Config.Key)
                {
                    matching.Add(service);
                }
            }

            if (!any)
            {
                other.Add(host);
            }
        }

        return (other, matching);
    }
}
