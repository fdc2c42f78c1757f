namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;

/// <summary>What an EDS cluster name resolves to: the service and port, the subset and its labels (null = all endpoints).</summary>
internal sealed record ClusterEndpointSource(
    Service Service,
    ServicePort Port,
    string Subset,
    IReadOnlyDictionary<string, string>? SubsetLabels,
    DestinationRule? Rule);
