namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// Everything one EDS <c>ClusterLoadAssignment</c> is built from, and nothing else: what the cluster name resolved to in
/// the proxy's scope (service, port, subset, DestinationRule), the service's endpoint set, and the proxy's cluster ID
/// (telemetry metadata), and, only when a locality setting can change the assignment, the proxy-relative
/// <see cref="LocalityLbInputs"/>. <see cref="EndpointGenerator.Build(EndpointInputs)"/> receives only this, so it is
/// also the complete cache key.
/// </summary>
internal readonly record struct EndpointInputs(
    string ClusterName,
    Identity<Service> ServiceRef,
    ServicePort Port,
    string Subset,
    Identity<DestinationRule> RuleRef,
    ImmutableArray<Endpoint> Endpoints,
    string ClusterId,
    LocalityLbInputs? LocalityLb = null)
{
    public Service Service => ServiceRef.Value!;

    public DestinationRule? Rule => RuleRef.Value;

    /// <summary><c>getSubSetLabels</c>: an unknown subset, or one without labels, selects every endpoint.</summary>
    public IReadOnlyDictionary<string, string>? SubsetLabels =>
        Subset.Length > 0 && Rule?.FindSubset(Subset) is { Labels.Count: > 0 } subset ? subset.Labels : null;
}
