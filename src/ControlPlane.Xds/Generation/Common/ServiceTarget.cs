namespace ControlPlane.Xds.Generation.Common;

using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>ServiceTarget</c>: one port of a service the proxy's workload backs, with the port the workload listens on.
/// Inbound clusters and chains are keyed by <see cref="TargetPort"/>.
/// </summary>
internal sealed record ServiceTarget(Service Service, ServicePort Port, int TargetPort);
