namespace ControlPlane.Model.Scoping;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;
using ControlPlane.Model.Pushing;
using ControlPlane.Model.State;

/// <summary>
/// Decides whether a scope computed for the previous push context is still exact for the next one, so a full push
/// rebuilds only the scopes the change can reach (the rest are shared, not recomputed per connection). Conservative:
/// when unsure, the scope is rebuilt. Built once per push: the changed configs' hosts are resolved here, not once per
/// scope.
/// </summary>
internal sealed class ScopeCarryOver
{
    private readonly ImmutableArray<Change> changes;

    private ScopeCarryOver(ImmutableArray<Change> changes) => this.changes = changes;

    public static ScopeCarryOver For(PushRequest request, MeshSnapshot before, MeshSnapshot after) =>
        new([.. request.ConfigsUpdated.Select(key => new Change(key, HostsOf(key, before, after)))]);

    public bool StillValid(SidecarScope scope)
    {
        foreach (var change in changes)
        {
            if (scope.DependsOn(change.Key) || CouldEnter(scope, change))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the changed config may now belong in the scope although it was not an input before.</summary>
    private static bool CouldEnter(SidecarScope scope, Change change)
    {
        var key = change.Key;
        switch (key.Kind)
        {
            case ConfigKind.Service:
                return scope.RoutedHosts.Contains(key.Name) || scope.EgressListeners.Any(l => l.Selects(key.Namespace, key.Name));
            case ConfigKind.VirtualService:
                foreach (var host in change.Hosts)
                {
                    foreach (var listener in scope.EgressListeners)
                    {
                        foreach (var selector in listener.Hosts)
                        {
                            if (selector.SelectsVirtualServiceHost(key.Namespace, host))
                            {
                                return true;
                            }
                        }
                    }
                }

                return false;
            case ConfigKind.DestinationRule:
                foreach (var host in change.Hosts)
                {
                    foreach (var service in scope.Services)
                    {
                        if (HostName.Matches(host, service.Hostname))
                        {
                            return true;
                        }
                    }
                }

                return false;
            // ServiceEntries and WorkloadEntries reach scopes through the Service keys they produce; Gateways never do.
            case ConfigKind.ServiceEntry or ConfigKind.WorkloadEntry or ConfigKind.Gateway:
                return false;
            default:
                return true;
        }
    }

    /// <summary>The resolved hosts of both versions of a changed VirtualService or DestinationRule (none for other kinds).</summary>
    private static ImmutableArray<string> HostsOf(ConfigKey key, MeshSnapshot before, MeshSnapshot after)
    {
        var suffix = after.Mesh.DomainSuffix;
        return [.. Versions(key, before, after).SelectMany(config => config switch
        {
            VirtualService vs => vs.Hosts.Select(h => HostName.Resolve(h, vs.Meta.Namespace, suffix)),
            DestinationRule dr => [HostName.Resolve(dr.Host, dr.Meta.Namespace, suffix)],
            _ => [],
        }).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

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

    private readonly record struct Change(ConfigKey Key, ImmutableArray<string> Hosts);
}
