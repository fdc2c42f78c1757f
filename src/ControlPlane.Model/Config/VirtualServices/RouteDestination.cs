namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>A weighted L4 destination (TCP and TLS routes).</summary>
public sealed record RouteDestination(Destination Destination, int Weight);
