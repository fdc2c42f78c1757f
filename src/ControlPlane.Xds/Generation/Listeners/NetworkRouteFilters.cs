namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildOutboundNetworkFilters</c>: a tcp_proxy to one destination (stat prefix = cluster), or weighted clusters with
/// <c>&lt;vsName&gt;.&lt;vsNamespace&gt;</c> as stat prefix and zero weights dropped; with what the first destination's
/// rule sets on the filter (<see cref="TcpProxyDestinationSettings"/>).
/// </summary>
internal static class NetworkRouteFilters
{
    public static Filter Build(GenerationContext context, VirtualServiceEntry vs, ImmutableArray<RouteDestination> routes, int port)
    {
        var first = routes[0].Destination;
        if (routes.Length == 1)
        {
            var settings = TcpProxyDestinationSettings.For(context, ServiceFor(context, vs, first), first.Subset);
            return TcpProxyFilters.ToCluster(ClusterFor(context, vs, first, port), settings: settings);
        }

        var weighted = routes
            .Where(r => r.Weight > 0)
            .Select(r => (ClusterFor(context, vs, r.Destination, port), r.Weight));
        var ruleSettings = TcpProxyDestinationSettings.For(context, ServiceFor(context, vs, first), subset: "");
        return TcpProxyFilters.Weighted($"{vs.Config.Meta.Name}.{vs.Config.Meta.Namespace}", weighted, ruleSettings);
    }

    /// <summary>Destination hosts resolve against the VirtualService namespace; the full service decides the default port.</summary>
    private static string ClusterFor(GenerationContext context, VirtualServiceEntry vs, Destination destination, int port)
    {
        var fqdn = HostName.Resolve(destination.Host, vs.Config.Meta.Namespace, context.Push.Mesh.DomainSuffix);
        return DestinationClusters.For(destination, fqdn, ServiceFor(context, vs, destination), port);
    }

    private static Service? ServiceFor(GenerationContext context, VirtualServiceEntry vs, Destination destination) =>
        ScopedServices.Find(context.Scope, HostName.Resolve(destination.Host, vs.Config.Meta.Namespace, context.Push.Mesh.DomainSuffix), context.Proxy.Namespace);
}
