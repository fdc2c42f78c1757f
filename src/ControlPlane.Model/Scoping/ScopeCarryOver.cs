namespace ControlPlane.Model.Scoping;

using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;

/// <summary>
/// Decides whether a scope computed for the previous push context is still exact for the next one, so a full push
/// rebuilds only the scopes the change can reach (the rest are shared, not recomputed per connection). Conservative:
/// when unsure, the scope is rebuilt.
/// </summary>
internal static class ScopeCarryOver
{
    public static bool StillValid(SidecarScope scope, PushRequest request, MeshSnapshot before, MeshSnapshot after)
    {
        foreach (var key in request.ConfigsUpdated)
        {
            if (scope.DependsOn(key) || CouldEnter(scope, key, before, after))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the changed config may now belong in the scope although it was not an input before.</summary>
    private static bool CouldEnter(SidecarScope scope, ConfigKey key, MeshSnapshot before, MeshSnapshot after) => key.Kind switch
    {
        ConfigKind.Service => scope.RoutedHosts.Contains(key.Name) || scope.EgressListeners.Any(l => l.Selects(key.Namespace, key.Name)),
        ConfigKind.VirtualService => VirtualServiceHosts(key, before, after).Any(h =>
            scope.EgressListeners.Any(l => l.Hosts.Any(sel => sel.SelectsVirtualServiceHost(key.Namespace, h)))),
        ConfigKind.DestinationRule => DestinationRuleHosts(key, before, after).Any(h =>
            scope.Services.Any(s => HostName.Matches(h, s.Hostname))),
        // ServiceEntries and WorkloadEntries reach scopes through the Service keys they produce; Gateways never do.
        ConfigKind.ServiceEntry or ConfigKind.WorkloadEntry or ConfigKind.Gateway => false,
        _ => true,
    };

    private static IEnumerable<string> VirtualServiceHosts(ConfigKey key, MeshSnapshot before, MeshSnapshot after) =>
        Versions(key, before, after).OfType<VirtualService>()
            .SelectMany(vs => vs.Hosts.Select(h => HostName.Resolve(h, vs.Meta.Namespace, after.Mesh.DomainSuffix)));

    private static IEnumerable<string> DestinationRuleHosts(ConfigKey key, MeshSnapshot before, MeshSnapshot after) =>
        Versions(key, before, after).OfType<DestinationRule>()
            .Select(dr => HostName.Resolve(dr.Host, dr.Meta.Namespace, after.Mesh.DomainSuffix));

    private static IEnumerable<IstioConfig> Versions(ConfigKey key, MeshSnapshot before, MeshSnapshot after)
    {
        if (before.Configs.TryGetValue(key, out var old))
        {
            yield return old;
        }

        if (after.Configs.TryGetValue(key, out var current))
        {
            yield return current;
        }
    }
}
