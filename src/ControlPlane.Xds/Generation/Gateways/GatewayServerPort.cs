namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>ServerPort</c>: the port a gateway listener is built for (after Service port to targetPort translation),
/// the protocol of the first server that claimed it, and the bind address (empty = the wildcard).
/// </summary>
internal readonly record struct GatewayServerPort(int Number, Protocol Protocol, string Bind);
