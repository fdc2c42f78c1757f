namespace ControlPlane.Xds.Generation.Caching;

using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Endpoints;
using ControlPlane.Xds.Generation.Gateways;
using ControlPlane.Xds.Generation.Routes;

/// <summary>
/// The server's generated-resource caches, one per resource kind that many proxies share (istiod's typed <c>cds</c>,
/// <c>eds</c> and <c>rds</c> caches; gateway clusters apart, being built differently). Listeners are assembled per proxy
/// and not cached. One instance per server; <see cref="Disabled"/> builds everything every time.
/// </summary>
internal sealed class ResourceCaches
{
    public ResourceCaches(ResourceCacheOptions options, TimeProvider time, IResourceCacheMetrics metrics)
    {
        OutboundClusters = new ResourceCache<OutboundClusterInputs>("cds", options, time, metrics);
        Endpoints = new ResourceCache<EndpointInputs>("eds", options, time, metrics);
        GatewayClusters = new ResourceCache<GatewayClusterInputs>("cds", options, time, metrics);
        RouteConfigs = new ResourceCache<RouteConfigInputs>("rds", options, time, metrics);
    }

    public static ResourceCaches Disabled { get; } = new(ResourceCacheOptions.Disabled, TimeProvider.System, IResourceCacheMetrics.None);

    /// <summary>Every outbound cluster of one service (default and subsets, every port), by <see cref="OutboundClusterInputs"/>.</summary>
    public ResourceCache<OutboundClusterInputs> OutboundClusters { get; }

    /// <summary>One <c>ClusterLoadAssignment</c>, by <see cref="EndpointInputs"/>.</summary>
    public ResourceCache<EndpointInputs> Endpoints { get; }

    /// <summary>Every outbound cluster of one service as a gateway gets them, by <see cref="GatewayClusterInputs"/>.</summary>
    public ResourceCache<GatewayClusterInputs> GatewayClusters { get; }

    /// <summary>One sidecar route configuration, by <see cref="RouteConfigInputs"/>.</summary>
    public ResourceCache<RouteConfigInputs> RouteConfigs { get; }

    public int Count => OutboundClusters.Count + Endpoints.Count + GatewayClusters.Count + RouteConfigs.Count;
}
