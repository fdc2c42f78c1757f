namespace ControlPlane.Xds.Generation.Gateways;

/// <summary>
/// istiod's <c>MergedServers</c>: every server sharing one listener port and bind, in merge order, and the RDS name of the
/// plain HTTP ones (one route configuration serves them all). Filled by <see cref="MergedGatewayBuilder"/> only.
/// </summary>
internal sealed class MergedServers(GatewayServerPort port, string routeName)
{
    public GatewayServerPort Port { get; } = port;

    public string RouteName { get; set; } = routeName;

    public List<GatewayServerEntry> Servers { get; } = [];
}
