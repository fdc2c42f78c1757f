namespace ControlPlane.Xds.Pushing;

using System.Collections.Frozen;
using ControlPlane.Model.Config;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Push;
using ControlPlane.Model.Pushing;
using ControlPlane.Xds.Generation.Gateways;

/// <summary>
/// Which connections a released push goes to (istiod's <c>ProxyNeedsPush</c>):
/// endpoint-only requests go only to connections watching an EDS cluster of an updated service; full requests go to
/// every connection when global, otherwise to those whose scope in the previous or the next context depends on a
/// changed key (the previous scope matters: a config that stops being visible must still be withdrawn); gateways by
/// <see cref="GatewayPushDependencies"/>. Pure.
/// </summary>
internal static class PushTargetSelector
{
    /// <summary>The service hosts an endpoint-only request is about (its <see cref="ConfigKind.Service"/> keys).</summary>
    public static FrozenSet<string> UpdatedHosts(PushRequest request) =>
        request.ConfigsUpdated.Where(k => k.Kind == ConfigKind.Service).Select(k => k.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool NeedsPush(IPushTarget target, PushRequest request, FrozenSet<string> updatedHosts, PushContext? previous, PushContext next) =>
        Select(target, request, updatedHosts, previous, next) != PushSelection.None;

    /// <summary>Whether the connection needs the push, and why (<c>/debug/push_status</c> counts the reasons).</summary>
    public static PushSelection Select(IPushTarget target, PushRequest request, FrozenSet<string> updatedHosts, PushContext? previous, PushContext next)
    {
        if (!request.Full)
        {
            return WatchesAnyHost(target.Watches, updatedHosts) ? PushSelection.EdsWatch : PushSelection.None;
        }

        if (request.IsGlobal)
        {
            return PushSelection.Global;
        }

        var scope = next.ScopeFor(target.Proxy);
        var previousScope = previous?.ScopeFor(target.Proxy);
        foreach (var key in request.ConfigsUpdated)
        {
            if (target.Proxy.Type == ProxyType.Router
                ? GatewayPushDependencies.DependsOn(key, scope, previousScope)
                : scope.DependsOn(key) || (previousScope is not null && previousScope.DependsOn(key)))
            {
                return PushSelection.ScopeDependency;
            }
        }

        return PushSelection.None;
    }

    private static bool WatchesAnyHost(IReadOnlyDictionary<string, Generation.WatchedResources> watches, FrozenSet<string> hosts)
    {
        if (!watches.TryGetValue(TypeUrls.Endpoint, out var eds))
        {
            return false;
        }

        if (eds.Wildcard)
        {
            return true;
        }

        foreach (var name in eds.Names)
        {
            if (EdsClusterName.HostIn(name, hosts))
            {
                return true;
            }
        }

        return false;
    }
}
