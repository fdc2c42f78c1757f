namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildOutboundCatchAllNetworkFiltersOnly</c>: unmatched outbound TCP goes to PassthroughCluster under ALLOW_ANY and
/// to BlackHoleCluster under REGISTRY_ONLY.
/// </summary>
internal static class CatchAllFilters
{
    public static Filter Outbound(OutboundTrafficPolicyMode mode) =>
        TcpProxyFilters.ToCluster(mode == OutboundTrafficPolicyMode.AllowAny ? EnvoyNames.PassthroughCluster : EnvoyNames.BlackHoleCluster);
}
