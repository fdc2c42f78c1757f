namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Config;
using ControlPlane.Model.Scoping;

/// <summary>
/// istiod's <c>checkProxyDependencies</c> for routers: a gateway depends on every config except Sidecars (which never
/// apply to it), and on a service only when that service is visible to it now or was before. Gateway-bound
/// VirtualServices and Gateways are not in any scope, so a scope-dependency check alone would miss them.
/// </summary>
internal static class GatewayPushDependencies
{
    public static bool DependsOn(ConfigKey key, SidecarScope scope, SidecarScope? previousScope) => key.Kind switch
    {
        ConfigKind.Sidecar => false,
        ConfigKind.Service => Sees(scope, key.Name) || (previousScope is not null && Sees(previousScope, key.Name)),
        _ => true,
    };

    private static bool Sees(SidecarScope scope, string hostname) =>
        scope.Services.Any(s => string.Equals(s.Hostname, hostname, StringComparison.OrdinalIgnoreCase));
}
