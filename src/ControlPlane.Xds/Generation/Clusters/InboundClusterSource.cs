namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Services;

/// <summary>
/// What one inbound cluster is built from: its port (the workload target port, or a Sidecar ingress port), the primary
/// service and port whose protocol and DestinationRule apply (no service for an ingress entry no service backs), and the
/// services listed for telemetry.
/// </summary>
internal sealed record InboundClusterSource(int ClusterPort, Service? Service, ServicePort Port, IReadOnlyList<Service> TelemetryServices);
