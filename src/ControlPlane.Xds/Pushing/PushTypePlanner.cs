namespace ControlPlane.Xds.Pushing;

using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation;

/// <summary>
/// Which types one connection's push sends, in istiod's order (CDS, EDS, LDS, RDS, then any other subscribed type by
/// name): endpoint-only requests send EDS for the updated services only; full requests send the subscribed types whose
/// generator is affected by the request, plus EDS after CDS (see <see cref="PlannedType.AfterClusters"/>). Pure.
/// </summary>
internal static class PushTypePlanner
{
    public static IReadOnlyList<PlannedType> Plan(
        PushRequest request, IReadOnlyCollection<string> subscribedTypes, Func<string, IResourceGenerator?> generatorFor)
    {
        if (!request.Full)
        {
            return subscribedTypes.Contains(TypeUrls.Endpoint)
                ? [new PlannedType(TypeUrls.Endpoint, PushTargetSelector.UpdatedHosts(request))]
                : [];
        }

        var ordered = TypeUrls.PushOrder.Where(subscribedTypes.Contains)
            .Concat(subscribedTypes.Where(t => !TypeUrls.PushOrder.Contains(t)).Order(StringComparer.Ordinal));
        var plan = new List<PlannedType>();
        var clustersPlanned = false;
        foreach (var typeUrl in ordered)
        {
            var affected = generatorFor(typeUrl)?.IsAffectedBy(request) ?? false;
            if (typeUrl == TypeUrls.Endpoint && clustersPlanned)
            {
                plan.Add(new PlannedType(typeUrl, AfterClusters: true, Affected: affected));
            }
            else if (affected)
            {
                plan.Add(new PlannedType(typeUrl));
                clustersPlanned |= typeUrl == TypeUrls.Cluster;
            }
        }

        return plan;
    }
}
