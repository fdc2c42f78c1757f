namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>BuildSidecarVirtualHostWrapper</c>: wrappers for VirtualServices first (their services then get no default route),
/// then a default-route wrapper per remaining HTTP or sniffed service port.
/// </summary>
internal static class VirtualHostWrappers
{
    public static List<VirtualHostWrapper> Build(
        GenerationContext context, IReadOnlyList<Service> services, IReadOnlyList<VirtualServiceEntry> virtualServices, int listenerPort)
    {
        var byHost = services.ToDictionary(s => s.Hostname, StringComparer.Ordinal);
        var wildcardOwners = WildcardVirtualServices.MostSpecific(services, virtualServices);
        var wrappers = new List<VirtualHostWrapper>();
        foreach (var vs in virtualServices)
        {
            wrappers.AddRange(ForVirtualService(context, vs, services, byHost, wildcardOwners, listenerPort));
        }

        var covered = wrappers.SelectMany(w => w.Services).Select(s => s.Hostname).ToHashSet(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (covered.Contains(service.Hostname) || service.Resolution == Resolution.Alias)
            {
                continue;
            }

            foreach (var port in service.Ports.Where(p => Protocols.IsHttpOrSniffed(p.Protocol)))
            {
                var cluster = ClusterName.Outbound(port.Port, "", service.Hostname);
                var hash = HashPolicies.ToEnvoy(HashPolicies.ForService(context, service, port.Port));
                var route = DefaultRoutes.Outbound(cluster, DefaultRoutes.TraceOperation(service.Hostname, port.Port), hash);
                wrappers.Add(new VirtualHostWrapper(port.Port, [service], [], [route]));
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
