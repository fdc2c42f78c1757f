namespace ControlPlane.Model.Config.Sidecars;

using System.Collections.Immutable;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>networking.istio.io Sidecar: what a workload's proxy sees and how it listens.</summary>
public sealed record Sidecar : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.Sidecar;

    /// <summary>Null selects every workload of the namespace (the namespace default; at most one per namespace).</summary>
    public WorkloadSelector? WorkloadSelector { get; init; }

    public ImmutableArray<SidecarEgressListener> Egress { get; init; } = [];

    /// <summary>When not empty, the workload's inbound listeners and clusters come from these entries, not its services.</summary>
    public ImmutableArray<SidecarIngressListener> Ingress { get; init; } = [];

    public OutboundTrafficPolicyMode? OutboundTrafficPolicy { get; init; }

    /// <summary>
    /// <c>outboundTrafficPolicy.egressProxy</c>: where ALLOW_ANY sends traffic for unknown destinations instead of the
    /// original destination. Validation allows it only with ALLOW_ANY.
    /// </summary>
    public Destination? EgressProxy { get; init; }

    /// <summary>Pool settings for every inbound cluster, unless an ingress entry for the port sets its own.</summary>
    public ConnectionPoolSettings? InboundConnectionPool { get; init; }

    /// <summary>
    /// <c>InboundConnectionPoolForPort</c>: the ingress entry's pool for this port, else the top-level one, else null. It
    /// replaces a DestinationRule's pool as a whole, which resolves conflicts between services sharing a port.
    /// </summary>
    public ConnectionPoolSettings? InboundConnectionPoolFor(int port)
    {
        foreach (var ingress in Ingress)
        {
            if (ingress.Port.Number == port && ingress.ConnectionPool is { } pool)
            {
                return pool;
            }
        }

        return InboundConnectionPool;
    }
}
