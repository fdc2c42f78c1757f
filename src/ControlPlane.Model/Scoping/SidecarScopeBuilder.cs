namespace ControlPlane.Model.Scoping;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>
/// Computes a <see cref="SidecarScope"/> as istiod does: each egress listener selects the services and mesh-bound
/// VirtualServices its hosts match (subject to exportTo), plus the services those VirtualServices route to.
/// </summary>
public static class SidecarScopeBuilder
{
    public static SidecarScope Build(
        string ns, Sidecar? sidecar, ServiceIndex services, VirtualServiceIndex virtualServices, DestinationRuleIndex rules, MeshConfig mesh)
    {
        var listeners = sidecar is null || sidecar.Egress.IsDefaultOrEmpty
            ? [BuildListener(ns, null, [EgressHostSelector.Everything], services, virtualServices, mesh)]
            : sidecar.Egress
                .Select(e => BuildListener(ns, e, [.. e.Hosts.Select(h => EgressHostSelector.Parse(h, sidecar.Meta.Namespace))], services, virtualServices, mesh))
                .ToImmutableArray();

        var all = listeners.SelectMany(l => l.Services)
            .DistinctBy(s => s.Key)
            .OrderBy(s => s.Hostname, StringComparer.Ordinal)
            .ThenBy(s => s.Namespace, StringComparer.Ordinal)
            .ToImmutableArray();

        var destinationRules = new Dictionary<ServiceKey, DestinationRuleEntry>();
        foreach (var service in all)
        {
            if (rules.Find(ns, service) is { } rule)
            {
                destinationRules[service.Key] = rule;
            }
        }

        var policy = sidecar?.OutboundTrafficPolicy ?? mesh.OutboundTrafficPolicy;
        var routedHosts = listeners.SelectMany(l => l.VirtualServices)
            .SelectMany(vs => DestinationHosts(vs).Select(h => HostName.Resolve(h, vs.Config.Meta.Namespace, mesh.DomainSuffix)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new SidecarScope(ns, mesh.RootNamespace, sidecar, listeners, all, destinationRules, policy, routedHosts);
    }

    private static EgressListenerScope BuildListener(
        string ns,
        SidecarEgressListener? listener,
        ImmutableArray<EgressHostSelector> hosts,
        ServiceIndex services,
        VirtualServiceIndex virtualServices,
        MeshConfig mesh)
    {
        var selected = new Dictionary<ServiceKey, Service>();
        foreach (var selector in hosts)
        {
            foreach (var service in ServiceCandidates(selector, services))
            {
                if (selector.Matches(service.Namespace, service.Hostname) && service.ExportTo.IsVisibleFrom(service.Namespace, ns))
                {
                    selected.TryAdd(service.Key, service);
                }
            }
        }

        var selectedVirtualServices = hosts
            .SelectMany(selector => VirtualServiceCandidates(selector, virtualServices)
                .Where(vs => vs.ExportTo.IsVisibleFrom(vs.Config.Meta.Namespace, ns)
                             && vs.Hosts.Any(h => selector.SelectsVirtualServiceHost(vs.Config.Meta.Namespace, h))))
            .Distinct(ReferenceEqualityComparer.Instance)
            .Cast<VirtualServiceEntry>()
            .OrderBy(vs => virtualServices.SidecarPrecedence(vs, ns))
            .ToImmutableArray();

        // istiod also makes the destinations of selected VirtualServices visible, so routes never point at unknown clusters.
        foreach (var vs in selectedVirtualServices)
        {
            foreach (var host in DestinationHosts(vs))
            {
                var fqdn = HostName.Resolve(host, vs.Config.Meta.Namespace, mesh.DomainSuffix);
                if (services.FindVisible(fqdn, ns) is { } service)
                {
                    selected.TryAdd(service.Key, service);
                }
            }
        }

        return new EgressListenerScope(
            listener,
            hosts,
            [.. selected.Values.OrderBy(s => s.Hostname, StringComparer.Ordinal).ThenBy(s => s.Namespace, StringComparer.Ordinal)],
            selectedVirtualServices);
    }

    // Exact egress hosts are looked up, not scanned for: a Sidecar listing D dependencies among S services costs O(D), not O(S x D).
    private static IEnumerable<Service> ServiceCandidates(EgressHostSelector selector, ServiceIndex services) =>
        selector.Namespace == "~" ? []
        : !HostName.IsWildcard(selector.Host) ? services.WithHost(selector.Host)
        : selector.Namespace != "*" ? services.InNamespace(selector.Namespace)
        : services.All;

    private static IEnumerable<VirtualServiceEntry> VirtualServiceCandidates(EgressHostSelector selector, VirtualServiceIndex virtualServices) =>
        selector.Namespace == "~" ? []
        : !HostName.IsWildcard(selector.Host) ? virtualServices.MeshWithExactHost(selector.Host).Concat(virtualServices.MeshWithWildcardHosts)
        : virtualServices.Mesh;

    internal static IEnumerable<string> DestinationHosts(VirtualServiceEntry vs) =>
        vs.Config.Http.SelectMany(r => r.Route.Select(d => d.Destination.Host))
            .Concat(vs.Config.Tcp.SelectMany(r => r.Route.Select(d => d.Destination.Host)))
            .Concat(vs.Config.Tls.SelectMany(r => r.Route.Select(d => d.Destination.Host)))
            .Distinct(StringComparer.Ordinal);
}
