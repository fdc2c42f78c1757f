namespace ControlPlane.Model.Push;

using System.Collections.Concurrent;
using ControlPlane.Model.Config;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Scoping;
using ControlPlane.Model.State;

/// <summary>
/// The immutable, indexed view of the mesh one push is computed from. A composition of small indexes; building the next
/// context reuses every index whose inputs did not change (see <see cref="PushContextBuilder"/>). Sidecar scopes are
/// computed on first use and cached for the life of the context; that cache is the only mutable part and is thread-safe.
/// </summary>
public sealed class PushContext
{
    private readonly ConcurrentDictionary<ScopeKey, SidecarScope> scopes = new();

    internal PushContext(
        MeshSnapshot snapshot,
        ServiceIndex services,
        EndpointIndex endpoints,
        VirtualServiceIndex virtualServices,
        DestinationRuleIndex destinationRules,
        SidecarIndex sidecars,
        GatewayIndex gateways)
    {
        Snapshot = snapshot;
        Services = services;
        Endpoints = endpoints;
        VirtualServices = virtualServices;
        DestinationRules = destinationRules;
        Sidecars = sidecars;
        Gateways = gateways;
    }

    public MeshSnapshot Snapshot { get; }

    /// <summary>The snapshot version this context reflects; used as the xDS version prefix.</summary>
    public long Version => Snapshot.Version;

    public MeshConfig Mesh => Snapshot.Mesh;

    public ServiceIndex Services { get; }

    public EndpointIndex Endpoints { get; }

    public VirtualServiceIndex VirtualServices { get; }

    public DestinationRuleIndex DestinationRules { get; }

    public SidecarIndex Sidecars { get; }

    public GatewayIndex Gateways { get; }

    /// <summary>
    /// The scope of a proxy: by its Sidecar (selector, namespace default, root default) or the namespace default scope.
    /// Gateways always get their namespace's default scope: Sidecars never apply to them (istiod's getSidecarScope).
    /// </summary>
    public SidecarScope ScopeFor(Proxy proxy)
    {
        var sidecar = proxy.Type == ProxyType.Router ? null : Sidecars.Select(proxy.Namespace, proxy.Labels);
        var key = new ScopeKey(proxy.Namespace, sidecar?.Key);
        return scopes.GetOrAdd(
            key,
            static (k, state) => SidecarScopeBuilder.Build(
                k.Namespace, state.sidecar, state.ctx.Services, state.ctx.VirtualServices, state.ctx.DestinationRules, state.ctx.Mesh),
            (ctx: this, sidecar));
    }

    /// <summary>A context identical to this one but for endpoints: the endpoint-only push path. Scopes carry over.</summary>
    public PushContext WithEndpoints(MeshSnapshot snapshot)
    {
        var next = new PushContext(snapshot, Services, Endpoints.Next(snapshot.Endpoints), VirtualServices, DestinationRules, Sidecars, Gateways);
        foreach (var (key, scope) in scopes)
        {
            next.scopes.TryAdd(key, scope);
        }

        return next;
    }

    /// <summary>Shares the previous context's scopes that <paramref name="stillValid"/> accepts; the others are rebuilt on first use.</summary>
    internal void InheritScopes(PushContext previous, Func<SidecarScope, bool> stillValid)
    {
        foreach (var (key, scope) in previous.scopes)
        {
            if (stillValid(scope))
            {
                scopes.TryAdd(key, scope);
            }
        }
    }

    private readonly record struct ScopeKey(string Namespace, ConfigKey? Sidecar);
}
