namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildOutboundCatchAllNetworkFiltersOnly</c>: unmatched outbound TCP goes to PassthroughCluster (or the Sidecar's
/// egress proxy) under ALLOW_ANY and to BlackHoleCluster under REGISTRY_ONLY. Used by the <c>virtualOutbound</c>
/// catch-all chain and by every outbound listener's <c>PassthroughFilterChain</c>. istiod sets the proxy's
/// <c>IDLE_TIMEOUT</c> metadata as its idle timeout; no DestinationRule is read here.
/// </summary>
internal static class CatchAllFilters
{
    public static Filter Outbound(GenerationContext context) =>
        TcpProxyFilters.ToCluster(
            PassthroughClusters.CatchAll(context.Scope), settings: new TcpProxySettings { IdleTimeout = ProxyIdleTimeout.Of(context.Proxy) });
}
