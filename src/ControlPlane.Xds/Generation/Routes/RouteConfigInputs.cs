namespace ControlPlane.Xds.Generation.Routes;

using System.Collections.Frozen;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Scoping;
using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// The cache key of one sidecar route configuration (istiod's <c>route.Cache</c>): everything
/// <see cref="OutboundRouteConfigBuilder"/> reads. The proxy's <see cref="SidecarScope"/> stands for the services,
/// VirtualServices, DestinationRules and egress listeners it sees (a scope is replaced whenever any of them changes);
/// the mesh config gives the domain suffix; the proxy itself matters only through its namespace, its DNS domain and,
/// when a VirtualService in scope matches on <c>sourceLabels</c>, its labels. Replicas of a workload, or any proxies under
/// one Sidecar whose labels no route looks at, therefore get one configuration: generate once, send many.
/// </summary>
internal readonly record struct RouteConfigInputs(
    string Name,
    Identity<SidecarScope> ScopeRef,
    Identity<MeshConfig> MeshRef,
    string ProxyNamespace,
    string ProxyDnsDomain,
    string SourceLabels)
{
    public static RouteConfigInputs From(GenerationContext context, string name) => new(
        name,
        new(context.Scope),
        new(context.Push.Mesh),
        context.Proxy.Namespace,
        context.Proxy.DnsDomain,
        context.Scope.RoutesMatchSourceLabels ? Canonical(context.Proxy.Labels) : "");

    private static string Canonical(FrozenDictionary<string, string> labels) =>
        string.Join('\n', labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
}
