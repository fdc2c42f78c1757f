namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Config;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// istiod's per-type push filters for routers: unlike sidecars, Gateway changes regenerate listeners, routes and clusters
/// (AUTO_PASSTHROUGH adds clusters); Sidecars never apply to gateways; WorkloadEntry changes only move endpoints.
/// </summary>
internal static class GatewayPushFilters
{
    /// <summary>CDS, LDS and RDS.</summary>
    public static PushFilter Config { get; } = new(false, ConfigKind.Sidecar, ConfigKind.WorkloadEntry);

    /// <summary>EDS: as for sidecars.</summary>
    public static PushFilter Endpoints => PushFilter.Endpoints;
}
