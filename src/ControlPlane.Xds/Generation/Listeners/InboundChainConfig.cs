namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// istiod's <c>inboundChainConfig</c>: one workload port (or the passthrough chains, <see cref="Passthrough"/>) to build
/// inbound filter chains for. <see cref="Hostname"/> feeds telemetry and trace decorators only.
/// </summary>
internal sealed record InboundChainConfig(
    string ClusterName,
    int ServicePort,
    int TargetPort,
    Protocol Protocol,
    string Hostname,
    bool Passthrough)
{
    /// <summary>The IP the chain is named after (<c>&lt;bind&gt;_&lt;targetPort&gt;</c>) and, with <see cref="BindToPort"/>, listens on.</summary>
    public string Bind { get; init; } = EnvoyNames.WildcardIpv4;

    /// <summary>True: a real listener of its own (capture mode NONE); false: chains of <c>virtualInbound</c>.</summary>
    public bool BindToPort { get; init; }

    /// <summary>The <c>istio.config</c> path of the Sidecar an ingress entry comes from; null for service ports.</summary>
    public string? ConfigPath { get; init; }
}
