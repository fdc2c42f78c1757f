namespace ControlPlane.Xds.Serving;

using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Xds.Generation;
using Envoy.Admin.V3;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Renders what a proxy would be sent now as Envoy's admin <c>/config_dump?include_eds</c> shows it: dynamic active
/// clusters, active listeners, dynamic route configs and dynamic endpoint configs, in Envoy's order. CDS and LDS use the
/// proxy's subscriptions (wildcard when absent), RDS its RDS subscription or else the route names its listeners use,
/// EDS the EDS clusters of the CDS output. Versions are the last ones sent on each type. Thread-safe (reads snapshots).
/// </summary>
internal sealed class ConfigDumpBuilder(ResourceSource resources)
{
    public ConfigDump Build(Proxy proxy, IReadOnlyDictionary<string, WatchedResources> watches, IReadOnlyDictionary<string, string> versions, PushContext push, DateTimeOffset now)
    {
        var updated = Timestamp.FromDateTimeOffset(now);
        string Version(string typeUrl) => versions.GetValueOrDefault(typeUrl, "");
        var clusters = Generate(proxy, TypeUrls.Cluster, watches.GetValueOrDefault(TypeUrls.Cluster, WatchedResources.All), push);
        var listeners = Generate(proxy, TypeUrls.Listener, watches.GetValueOrDefault(TypeUrls.Listener, WatchedResources.All), push);
        var routeNames = watches.TryGetValue(TypeUrls.Route, out var routeWatch) ? routeWatch : WatchedResources.Of(RouteNames(listeners));
        var routes = Generate(proxy, TypeUrls.Route, routeNames, push);
        var endpoints = Generate(proxy, TypeUrls.Endpoint, WatchedResources.Of(EdsNames(clusters)), push);

        var clusterDump = new ClustersConfigDump { VersionInfo = Version(TypeUrls.Cluster) };
        clusterDump.DynamicActiveClusters.AddRange(clusters.Select(c => new ClustersConfigDump.Types.DynamicCluster
        {
            VersionInfo = Version(TypeUrls.Cluster), Cluster = c.Resource, LastUpdated = updated,
        }));
        var listenerDump = new ListenersConfigDump { VersionInfo = Version(TypeUrls.Listener) };
        listenerDump.DynamicListeners.AddRange(listeners.Select(l => new ListenersConfigDump.Types.DynamicListener
        {
            Name = l.Name,
            ActiveState = new ListenersConfigDump.Types.DynamicListenerState { VersionInfo = Version(TypeUrls.Listener), Listener = l.Resource, LastUpdated = updated },
        }));
        var routeDump = new RoutesConfigDump();
        routeDump.DynamicRouteConfigs.AddRange(routes.Select(r => new RoutesConfigDump.Types.DynamicRouteConfig
        {
            VersionInfo = Version(TypeUrls.Route), RouteConfig = r.Resource, LastUpdated = updated,
        }));
        var endpointDump = new EndpointsConfigDump();
        endpointDump.DynamicEndpointConfigs.AddRange(endpoints.Select(e => new EndpointsConfigDump.Types.DynamicEndpointConfig
        {
            VersionInfo = Version(TypeUrls.Endpoint), EndpointConfig = e.Resource, LastUpdated = updated,
        }));

        var dump = new ConfigDump();
        dump.Configs.Add(Any.Pack(clusterDump));
        dump.Configs.Add(Any.Pack(listenerDump));
        dump.Configs.Add(Any.Pack(routeDump));
        dump.Configs.Add(Any.Pack(endpointDump));
        return dump;
    }

    private IReadOnlyList<NamedResource> Generate(Proxy proxy, string typeUrl, WatchedResources watched, PushContext push)
    {
        if (!watched.Wildcard && watched.Names.Count == 0)
        {
            return [];
        }

        var generator = resources.GeneratorFor(proxy, typeUrl);
        return generator is null ? [] : (IReadOnlyList<NamedResource>?)resources.Generate(generator, push, proxy, watched)?.Resources ?? [];
    }

    /// <summary>EDS service names of the EDS clusters (Istio sets service_name to the cluster name; fall back to the name).</summary>
    private static IEnumerable<string> EdsNames(IReadOnlyList<NamedResource> clusters)
    {
        foreach (var resource in clusters)
        {
            if (resource.Resource.TryUnpack<Cluster>(out var cluster) && cluster.Type == Cluster.Types.DiscoveryType.Eds)
            {
                var serviceName = cluster.EdsClusterConfig?.ServiceName;
                yield return string.IsNullOrEmpty(serviceName) ? cluster.Name : serviceName;
            }
        }
    }

    /// <summary>The RDS route config names the listeners' HTTP connection managers refer to.</summary>
    private static IEnumerable<string> RouteNames(IReadOnlyList<NamedResource> listeners)
    {
        foreach (var resource in listeners)
        {
            if (!resource.Resource.TryUnpack<Listener>(out var listener))
            {
                continue;
            }

            var chains = listener.FilterChains.Append(listener.DefaultFilterChain).OfType<FilterChain>();
            foreach (var filter in chains.SelectMany(c => c.Filters))
            {
                if (filter.TypedConfig is { } config && config.TryUnpack<HttpConnectionManager>(out var hcm) && hcm.Rds is { } rds)
                {
                    yield return rds.RouteConfigName;
                }
            }
        }
    }
}
