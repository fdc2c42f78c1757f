namespace ControlPlane.Model.Scoping;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// What proxies under one Sidecar (or a namespace with none) can see: services, VirtualServices, the DestinationRule of
/// each service, and the config keys it depends on. Built once per push context per Sidecar / namespace and shared by every
/// proxy it applies to. Immutable. Its sets and maps are plain hash collections, not frozen ones: with a Sidecar per
/// workload there is a scope per proxy, built once and read a few dozen times, where freezing cost more than it saved.
/// </summary>
public sealed class SidecarScope
{
    internal SidecarScope(
        string ns,
        string rootNamespace,
        Sidecar? sidecar,
        ImmutableArray<EgressListenerScope> egressListeners,
        ImmutableArray<Service> services,
        IReadOnlyDictionary<ServiceKey, DestinationRuleEntry> destinationRules,
        OutboundTrafficPolicyMode outboundTrafficPolicy,
        IReadOnlySet<string> routedHosts)
    {
        Namespace = ns;
        RootNamespace = rootNamespace;
        RoutedHosts = routedHosts;
        Sidecar = sidecar;
        EgressListeners = egressListeners;
        Services = services;
        DestinationRules = destinationRules;
        OutboundTrafficPolicy = outboundTrafficPolicy;
        Dependencies = ComputeDependencies();
        servicesByHost = new(() => services
            .GroupBy(s => s.Hostname, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.OrdinalIgnoreCase));
        routesMatchSourceLabels = new(() => egressListeners
            .SelectMany(l => l.VirtualServices)
            .Any(vs => vs.Config.Http.Any(http => http.Match.Any(m => m.SourceLabels.Count > 0))));
    }

    // Built on first use: generators resolve every EDS and route cluster name by host, and a namespace-default scope
    // can hold the whole registry, where a scan per name would be quadratic.
    private readonly Lazy<Dictionary<string, ImmutableArray<Service>>> servicesByHost;
    private readonly Lazy<bool> routesMatchSourceLabels;

    /// <summary>The namespace of the proxies it serves.</summary>
    public string Namespace { get; }

    /// <summary>The mesh root namespace: its namespace-wide Sidecar is the fallback for every namespace without one.</summary>
    public string RootNamespace { get; }

    /// <summary>Hosts the selected VirtualServices route to (FQDNs): they are visible even when no egress host names them.</summary>
    public IReadOnlySet<string> RoutedHosts { get; }

    /// <summary>The Sidecar it was built from; null for the default (everything exported to the namespace is visible).</summary>
    public Sidecar? Sidecar { get; }

    public ImmutableArray<EgressListenerScope> EgressListeners { get; }

    /// <summary>Union of the egress listeners' services, ordered by host then namespace.</summary>
    public ImmutableArray<Service> Services { get; }

    public IReadOnlyDictionary<ServiceKey, DestinationRuleEntry> DestinationRules { get; }

    public OutboundTrafficPolicyMode OutboundTrafficPolicy { get; }

    /// <summary>
    /// Whether a VirtualService it sees (delegates merged in) matches on the caller's labels, so that two proxies under
    /// it can get different routes. Computed on first use, once per scope.
    /// </summary>
    public bool RoutesMatchSourceLabels => routesMatchSourceLabels.Value;

    /// <summary>Every config this scope was computed from.</summary>
    public IReadOnlySet<ConfigKey> Dependencies { get; }

    /// <summary>A name for logs and debug output: the Sidecar's key or <c>default/namespace</c>.</summary>
    public string Name => Sidecar is null ? $"default/{Namespace}" : $"{Sidecar.Meta.Namespace}/{Sidecar.Meta.Name}";

    public DestinationRuleEntry? DestinationRuleFor(Service service) => DestinationRules.GetValueOrDefault(service.Key);

    /// <summary>The services in scope with this host name (case-insensitive), in scope order; several namespaces may declare one host.</summary>
    public ImmutableArray<Service> ServicesWithHost(string hostname) => servicesByHost.Value.GetValueOrDefault(hostname, []);

    /// <summary>
    /// Whether this scope was computed from <paramref name="key"/>, so a change to it changes what the scope's proxies
    /// receive. A config that would newly enter the scope is not reported here: it is in the next context's scope's
    /// dependencies, and callers compare both (istiod checks the previous and the current scope the same way).
    /// </summary>
    public bool DependsOn(ConfigKey key) => key.Kind switch
    {
        // Which Sidecar applies is decided per namespace, falling back to the root namespace's.
        ConfigKind.Sidecar => key.Namespace == Namespace || key.Namespace == RootNamespace || Dependencies.Contains(key),
        ConfigKind.MeshConfig => true,
        _ => Dependencies.Contains(key),
    };

    private HashSet<ConfigKey> ComputeDependencies()
    {
        var keys = new HashSet<ConfigKey>();
        foreach (var service in Services)
        {
            keys.Add(new ConfigKey(ConfigKind.Service, service.Namespace, service.Hostname));
        }

        foreach (var listener in EgressListeners)
        {
            foreach (var vs in listener.VirtualServices)
            {
                keys.Add(vs.Config.Key);

                // A root's delegates are inputs too: their rules are merged into it (istiod's DelegateVirtualServices).
                keys.UnionWith(vs.Delegates);
            }
        }

        foreach (var rule in DestinationRules.Values)
        {
            keys.Add(rule.Config.Key);
        }

        if (Sidecar is not null)
        {
            keys.Add(Sidecar.Key);
        }

        return keys;
    }
}
