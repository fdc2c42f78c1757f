namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Config.DestinationRules;
using Locality = ControlPlane.Model.Services.Locality;

/// <summary>
/// The proxy-relative part of an EDS assignment: the locality setting in force (the DestinationRule's for the port and
/// subset, else MeshConfig's), whether failover is on (outlier detection), the proxy's locality and, for
/// <c>failoverPriority</c>, the proxy's values of those labels. Part of <see cref="EndpointInputs"/>, so proxies in
/// different localities get different cached assignments, and proxies alike share one.
/// </summary>
internal sealed record LocalityLbInputs(
    LocalityLbSetting Setting,
    bool EnableFailover,
    Locality ProxyLocality,
    ProxyPriorityLabels? PriorityLabels);
