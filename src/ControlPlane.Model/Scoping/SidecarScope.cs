namespace ControlPlane.Model.Scoping;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// What proxies under one Sidecar (or a namespace with none) can see: services, VirtualServices, the DestinationRule of
/// each service, and the config keys it depends on. Built once per push context per Sidecar / namespace and shared by every
/// proxy it applies to. Immutable.
/// </summary>
public sealed class SidecarScope
{
    internal SidecarScope(
        string ns,
        Sidecar? sidecar,
        ImmutableArray<EgressListenerScope> egressListeners,
        ImmutableArray<Service> services,
        FrozenDictionary<ServiceKey, DestinationRuleEntry> destinationRules,
        OutboundTrafficPolicyMode outboundTrafficPolicy)
    {
        Namespace = ns;
        Sidecar = sidecar;
        EgressListeners = egressListeners;
        Services = services;
        DestinationRules = destinationRules;
        OutboundTrafficPolicy = outboundTrafficPolicy;
        Dependencies = ComputeDependencies();
    }

    /// <summary>The namespace of the proxies it serves.</summary>
    public string Namespace { get; }

    /// <summary>The Sidecar it was built from; null for the default (everything exported to the namespace is visible).</summary>
    public Sidecar? Sidecar { get; }

    public ImmutableArray<EgressListenerScope> EgressListeners { get; }

    /// <summary>Union of the egress listeners' services, ordered by host then namespace.</summary>
    public ImmutableArray<Service> Services { get; }

    public FrozenDictionary<ServiceKey, DestinationRuleEntry> DestinationRules { get; }

    public OutboundTrafficPolicyMode OutboundTrafficPolicy { get; }

    /// <summary>Every config this scope was computed from.</summary>
    public FrozenSet<ConfigKey> Dependencies { get; }

    /// <summary>A name for logs and debug output: the Sidecar's key or <c>default/namespace</c>.</summary>
    public string Name => Sidecar is null ? $"default/{Namespace}" : $"{Sidecar.Meta.Namespace}/{Sidecar.Meta.Name}";

    public DestinationRuleEntry? DestinationRuleFor(Service service) => DestinationRules.GetValueOrDefault(service.Key);

    /// <summary>
    /// Whether a change to <paramref name="key"/> can change what this scope's proxies receive: it is one of the inputs,
    /// or it is a service / VirtualService an egress host would select (so its appearance matters).
    /// </summary>
    public bool DependsOn(ConfigKey key)
    {
        if (Dependencies.Contains(key))
        {
            return true;
        }

        return key.Kind switch
        {
            ConfigKind.Service or ConfigKind.ServiceEntry => EgressListeners.Any(l => l.Selects(key.Namespace, key.Name)),
            // VirtualService and DestinationRule hosts are not in the key; any in a namespace an egress selector covers may matter.
            ConfigKind.VirtualService or ConfigKind.DestinationRule => EgressListeners.Any(l => l.Hosts.Any(h => h.Namespace == "*" || h.Namespace == key.Namespace)),
            ConfigKind.Sidecar => key.Namespace == Namespace || Sidecar is null,
            ConfigKind.MeshConfig => true,
            _ => false,
        };
    }

    private FrozenSet<ConfigKey> ComputeDependencies()
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

        return keys.ToFrozenSet();
    }
}
