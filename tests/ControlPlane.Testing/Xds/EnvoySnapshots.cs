namespace ControlPlane.Testing.Xds;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Xds;
using ControlPlane.Xds.Generation;
using ControlPlane.Xds.Generation.Caching;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Runs the Envoy sidecar generators the way a sidecar subscribes: CDS and LDS as wildcards, then EDS for every EDS
/// service name CDS returned and RDS for every route name LDS returned.
/// </summary>
public static class EnvoySnapshots
{
    /// <param name="cache">Shared caches as a running server has them; null generates everything afresh.</param>
    public static XdsSnapshot ForSidecar(PushContext push, Proxy proxy, SharedResourceCache? cache = null) =>
        For(push, proxy, typeUrl => EnvoyGenerators.Default.ByTypeUrl[typeUrl], cache?.Caches ?? ResourceCaches.Disabled);

    /// <summary>The same subscription sequence over any generator family (gateways, ...).</summary>
    internal static XdsSnapshot For(PushContext push, Proxy proxy, Func<string, IResourceGenerator> generatorFor, ResourceCaches caches)
    {
        var scope = push.ScopeFor(proxy);
        Any[] Generate(string typeUrl, WatchedResources watched) =>
            [.. generatorFor(typeUrl).Generate(new GenerationContext(push, proxy, scope, watched) { Caches = caches }).Resources.Select(r => r.Resource)];

        var clusters = Generate(TypeUrls.Cluster, WatchedResources.All);
        var listeners = Generate(TypeUrls.Listener, WatchedResources.All);
        var edsNames = clusters
            .Select(c => c.Unpack<Cluster>())
            .Where(c => c.Type == Cluster.Types.DiscoveryType.Eds)
            .Select(c => c.EdsClusterConfig.ServiceName);
        var rdsNames = listeners
            .Select(l => l.Unpack<Listener>())
            .SelectMany(l => l.FilterChains.Append(l.DefaultFilterChain).Where(c => c is not null))
            .SelectMany(c => c.Filters)
            .Where(f => f.TypedConfig?.Is(HttpConnectionManager.Descriptor) == true)
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>().Rds?.RouteConfigName)
            .OfType<string>();
        var endpoints = Generate(TypeUrls.Endpoint, WatchedResources.Of(edsNames));
        var routes = Generate(TypeUrls.Route, WatchedResources.Of(rdsNames));
        return new XdsSnapshot(clusters, endpoints, listeners, routes);
    }
}
