namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Xds.Generation.Clusters;

/// <summary>
/// The inputs of one service's gateway clusters: exactly the sidecar's (<see cref="OutboundClusterInputs"/>), to which
/// the gateway builder applies istiod's router differences. A type of its own, so gateway and sidecar results never
/// share a cache key.
/// </summary>
internal readonly record struct GatewayClusterInputs(OutboundClusterInputs Outbound);
