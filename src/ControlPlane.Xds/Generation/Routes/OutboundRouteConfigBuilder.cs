namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>buildSidecarOutboundHTTPRouteConfig</c>: the virtual hosts of every HTTP (or sniffed) service on the port in the
/// matching egress listener, sorted by name, then the catch-all; for a sniffed name, only that service's virtual host,
/// matching any authority.
/// </summary>
internal static class OutboundRouteConfigBuilder
{
    /// <summary>1 MiB, the limit the validation webhook enforces (Envoy's default is 4 KiB).</summary>
    private const uint MaxDirectResponseBodyBytes = 1024 * 1024;

    public static RouteConfiguration Build(GenerationContext context, string name)
    {
        if (!RouteConfigName.TryParse(name, out var port, out var sniffed, out var host))
        {
            return Empty(name);
        }

        var virtualHosts = VirtualHosts(context, name, port);
        if (sniffed)
        {
            virtualHosts = ForSniffedService(virtualHosts, name, host);
        }

        virtualHosts.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        if (!sniffed)
        {
            virtualHosts.Add(DefaultRoutes.CatchAll(context.Scope.OutboundTrafficPolicy, Clusters.PassthroughClusters.CatchAll(context.Scope)));
        }

        var config = new RouteConfiguration
        {
            Name = name,
            ValidateClusters = false,
            MaxDirectResponseBodySizeBytes = MaxDirectResponseBodyBytes,
            IgnorePortInHostMatching = true,
        };
        config.VirtualHosts.AddRange(virtualHosts);
        return config;
    }

    /// <summary>What istiod sends for names it cannot build: an empty configuration, so the listener stops warming.</summary>
    public static RouteConfiguration Empty(string name) => new() { Name = name, ValidateClusters = false };

    private static List<Envoy.Config.Route.V3.VirtualHost> VirtualHosts(GenerationContext context, string name, int port)
    {
        if (EgressListenerSelector.For(context.Scope, port, name) is not { } listener)
        {
            return [];
        }

        // The registry view of this port: each service reduced to just this port (istiod's servicesByName); a Unix
        // domain socket listener (port 0) takes every port of every service.
        var services = port == 0
            ? ScopedServices.DistinctByHost(listener.Services, context.Proxy.Namespace).ToList()
            : ScopedServices.DistinctByHost(listener.Services, context.Proxy.Namespace)
                .Where(s => s.FindPort(port) is not null)
                .Select(s => s with { Ports = [s.FindPort(port)!] })
                .ToList();

        // Legacy behaviour kept by istiod: port 80 keeps VirtualServices whose hosts are no registry service.
        IReadOnlyList<VirtualServiceEntry> virtualServices = port == 80
            ? listener.VirtualServices
            : [.. listener.VirtualServices.Where(vs => vs.Hosts.Any(h => services.Any(s => Model.Hosts.HostName.Overlaps(h, s.Hostname))))];

        var wrappers = VirtualHostWrappers.Build(context, services, virtualServices, port);
        return VirtualHostBuilder.Build(wrappers, port, ProxyDnsDomain(context));
    }

    /// <summary><c>getVirtualHostsForSniffedServicePort</c>: the one virtual host serving <c>host</c>, matching any authority.</summary>
    private static List<Envoy.Config.Route.V3.VirtualHost> ForSniffedService(List<Envoy.Config.Route.V3.VirtualHost> hosts, string name, string host)
    {
        var matching = hosts.Where(h => h.Domains.Any(d => d == name || d == host)).ToList();
        if (matching.Count == 1)
        {
            matching[0].Domains.Clear();
            matching[0].Domains.Add("*");
        }

        return matching;
    }

    /// <summary>The proxy's DNS domain (node id field 4), defaulting to its namespace's Kubernetes domain.</summary>
    private static string ProxyDnsDomain(GenerationContext context) =>
        context.Proxy.DnsDomain.Length > 0
            ? context.Proxy.DnsDomain
            : $"{context.Proxy.Namespace}.svc.{context.Push.Mesh.DomainSuffix}";
}
