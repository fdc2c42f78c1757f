namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>inboundChainConfig</c>: one workload port (or the passthrough chains, <see cref="Passthrough"/>) to build
/// inbound filter chains for.
/// </summary>
internal sealed record InboundChainConfig(
    string ClusterName,
    int ServicePort,
    int TargetPort,
    Protocol Protocol,
    string Hostname,
    bool Passthrough);
