namespace ControlPlane.Kubernetes.Yaml;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>
/// Remembers the content fingerprint of everything last applied and turns a complete load into only what changed:
/// upserts of new or changed entries, removals of vanished ones. Not thread-safe: one reload at a time.
/// </summary>
internal sealed class MeshStateDiffer
{
    private Dictionary<ServiceKey, string> services = [];
    private Dictionary<ServiceKey, string> endpoints = [];
    private Dictionary<ConfigKey, string> configs = [];
    private Dictionary<string, string> namespaces = new(StringComparer.Ordinal);

    /// <summary>Returns the change from the previous load to <paramref name="complete"/> and remembers the new state.</summary>
    public MeshDelta Diff(MeshDelta complete)
    {
        var nextServices = Fingerprints(complete.UpsertedServices, s => s.Key);
        var nextEndpoints = Fingerprints(complete.UpsertedEndpoints, e => e.Service);
        var nextConfigs = Fingerprints(complete.UpsertedConfigs, c => c.Key);
        var nextNamespaces = Fingerprints(complete.UpsertedNamespaces, n => n.Name, StringComparer.Ordinal);
        var delta = new MeshDelta
        {
            UpsertedServices = Changed(complete.UpsertedServices, s => s.Key, services, nextServices),
            RemovedServices = Removed(services, nextServices),
            UpsertedEndpoints = Changed(complete.UpsertedEndpoints, e => e.Service, endpoints, nextEndpoints),
            UpsertedConfigs = Changed(complete.UpsertedConfigs, c => c.Key, configs, nextConfigs),
            RemovedConfigs = Removed(configs, nextConfigs),
            UpsertedNamespaces = Changed(complete.UpsertedNamespaces, n => n.Name, namespaces, nextNamespaces),
            RemovedNamespaces = Removed(namespaces, nextNamespaces),
        };
        services = nextServices;
        endpoints = nextEndpoints;
        configs = nextConfigs;
        namespaces = nextNamespaces;
        return delta;
    }

    private static Dictionary<TKey, string> Fingerprints<T, TKey>(
        ImmutableArray<T> items, Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
        where T : notnull
        where TKey : notnull
    {
        var result = new Dictionary<TKey, string>(comparer);
        foreach (var item in items)
        {
            result[key(item)] = ContentFingerprint.Of(item);
        }

        return result;
    }

    private static ImmutableArray<T> Changed<T, TKey>(
        ImmutableArray<T> items, Func<T, TKey> key, Dictionary<TKey, string> previous, Dictionary<TKey, string> next)
        where TKey : notnull =>
        [.. items.Where(item => !previous.TryGetValue(key(item), out var old) || old != next[key(item)])];

    private static ImmutableArray<TKey> Removed<TKey>(Dictionary<TKey, string> previous, Dictionary<TKey, string> next)
        where TKey : notnull =>
        [.. previous.Keys.Where(key => !next.ContainsKey(key))];
}
