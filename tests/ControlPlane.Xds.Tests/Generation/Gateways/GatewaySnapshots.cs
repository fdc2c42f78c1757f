namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Gateways;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Runs the gateway generators the way a gateway Envoy subscribes: CDS and LDS as wildcards, then EDS for every EDS
/// service name CDS returned and RDS for every route name LDS returned.
/// </summary>
internal static class GatewaySnapshots
{
    public static XdsSnapshot For(PushContext push, Proxy proxy, GatewayServerReport? report = null)
    {
        var generators = new GatewayGenerators(report ?? GatewayServerReport.Silent()).ByTypeUrl;
        var scope = push.ScopeFor(proxy);
        Any[] Generate(string typeUrl, WatchedResources watched) =>
            [.. generators[typeUrl].Generate(new GenerationContext(push, proxy, scope, watched)).Resources.Select(r => r.Resource)];

        var clusters = Generate(TypeUrls.Cluster, WatchedResources.All);
        var listeners = Generate(TypeUrls.Listener, WatchedResources.All);
        var edsNames = clusters
            .Select(c => c.Unpack<Cluster>())
            .Where(c => c.Type == Cluster.Types.DiscoveryType.Eds)
            .Select(c => c.EdsClusterConfig.ServiceName);
        var rdsNames = listeners
            .Select(l => l.Unpack<Listener>())
            .SelectMany(l => l.FilterChains)
            .SelectMany(c => c.Filters)
            .Where(f => f.TypedConfig?.Is(HttpConnectionManager.Descriptor) == true)
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>().Rds?.RouteConfigName)
            .OfType<string>();
        var endpoints = Generate(TypeUrls.Endpoint, WatchedResources.Of(edsNames));
        var routes = Generate(TypeUrls.Route, WatchedResources.Of(rdsNames));
        return new XdsSnapshot(clusters, endpoints, listeners, routes);
    }
}
