namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// <c>buildInboundChainConfigs</c>: the workload ports inbound chains are built for, ordered by target port. A Sidecar
/// with <c>ingress</c> entries replaces the service ports entirely (istiod's merge flag
/// <c>ENABLE_SIDECAR_SERVICE_INBOUND_LISTENER_MERGE</c> is off by default); without one, interception mode NONE gets no
/// inbound chains, since binding the service ports would take them from the application.
/// </summary>
internal static class InboundChainConfigs
{
    public static List<InboundChainConfig> Build(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        if (context.Scope.Sidecar is { Ingress.IsEmpty: false } sidecar)
        {
            return [.. FromIngress(context, sidecar).OrderBy(c => c.TargetPort)];
        }

        return Interception.IsNone(context.Proxy) ? [] : [.. FromServiceTargets(context, targets)];
    }

    /// <summary>
    /// <c>getFilterChainsByServicePort</c>: one config per target port, the first service winning (istiod: the oldest),
    /// skipping ports the proxy itself uses; ordered by target port.
    /// </summary>
    private static IEnumerable<InboundChainConfig> FromServiceTargets(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        var seen = new HashSet<int>();
        foreach (var target in targets.OrderBy(t => t.TargetPort))
        {
            if (!ListenerPorts.CanBind(context, false, EnvoyNames.WildcardIpv4, target.TargetPort, target.Port.Protocol) || !seen.Add(target.TargetPort))
            {
                continue;
            }

            yield return new InboundChainConfig(
                ClusterName.Inbound(target.TargetPort), target.Port.Port, target.TargetPort, target.Port.Protocol, target.Service.Hostname, Passthrough: false);
        }
    }

    /// <summary>
    /// One config per ingress entry. The Sidecar has no real host name, so telemetry gets <c>&lt;sidecar&gt;.&lt;namespace&gt;</c>;
    /// the chain carries the Sidecar's config path. The API has no target port: the port number is both.
    /// </summary>
    private static IEnumerable<InboundChainConfig> FromIngress(GenerationContext context, Sidecar sidecar)
    {
        var seen = new HashSet<int>();
        var configPath = SidecarConfigPath(context, sidecar);
        foreach (var ingress in sidecar.Ingress)
        {
            var port = ingress.Port;
            var bindToPort = BindsToPort(context, ingress.CaptureMode);
            if (!ListenerPorts.CanBind(context, bindToPort, ingress.Bind, port.Number, port.Protocol, virtualPortsReserved: false) || !seen.Add(port.Number))
            {
                continue;
            }

            yield return new InboundChainConfig(
                ClusterName.Inbound(port.Number), port.Number, port.Number, port.Protocol, $"{sidecar.Meta.Name}.{context.Scope.Namespace}", Passthrough: false)
            {
                Bind = ingress.Bind.Length > 0 ? ingress.Bind : InboundBindAddress.Default(context.Proxy),
                BindToPort = bindToPort,
                ConfigPath = configPath,
            };
        }
    }

    /// <summary><c>getBindToPort</c>: DEFAULT follows the proxy's interception mode; an explicit mode overrides it.</summary>
    private static bool BindsToPort(GenerationContext context, CaptureMode mode) =>
        mode == CaptureMode.Default ? Interception.IsNone(context.Proxy) : mode == CaptureMode.None;

    /// <summary>istiod names the Sidecar in the namespace of the proxies it is applied to (a root-namespace default too).</summary>
    private static string SidecarConfigPath(GenerationContext context, Sidecar sidecar) =>
        (sidecar with { Meta = sidecar.Meta with { Namespace = context.Scope.Namespace } }).ConfigPath;
}
