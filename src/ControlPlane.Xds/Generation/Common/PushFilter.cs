namespace ControlPlane.Xds.Generation.Common;

using System.Collections.Frozen;
using ControlPlane.Model.Config;
using ControlPlane.Model.Pushing;

/// <summary>
/// istiod's per-type push filters (<c>cdsNeedsPush</c>, <c>edsNeedsPush</c>, <c>ldsNeedsPush</c>, <c>rdsNeedsPush</c>): a
/// type is regenerated when the request is global, or names at least one config kind the type does not skip.
/// </summary>
internal sealed class PushFilter(bool endpointUpdates, params ConfigKind[] skipped)
{
    private readonly FrozenSet<ConfigKind> skipped = skipped.ToFrozenSet();

    /// <summary>CDS, LDS and RDS: full pushes only. Gateway keys never concern sidecars; WorkloadEntry only moves endpoints.</summary>
    public static PushFilter FullOnly { get; } = new(false, ConfigKind.Gateway, ConfigKind.WorkloadEntry);

    /// <summary>EDS: endpoint updates, and full pushes except for kinds that cannot change endpoints or their grouping.</summary>
    public static PushFilter Endpoints { get; } = new(true, ConfigKind.Gateway, ConfigKind.VirtualService, ConfigKind.Sidecar);

    public bool IsAffectedBy(PushRequest request)
    {
        if (!request.Full)
        {
            return endpointUpdates;
        }

        return request.IsGlobal || request.ConfigsUpdated.Any(key => !skipped.Contains(key.Kind));
    }
}
