namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Gateways;

/// <summary>Gateways, and the ones whose selector matches a gateway proxy's labels.</summary>
public sealed class GatewayIndex
{
    public GatewayIndex(IEnumerable<Gateway> gateways)
    {
        All = [.. gateways.OrderBy(g => g.Meta.Namespace, StringComparer.Ordinal).ThenBy(g => g.Meta.Name, StringComparer.Ordinal)];
    }

    public ImmutableArray<Gateway> All { get; }

    public IEnumerable<Gateway> Selecting(IReadOnlyDictionary<string, string> proxyLabels) =>
        All.Where(g => g.Selector.Count > 0 && g.Selector.All(kv => proxyLabels.TryGetValue(kv.Key, out var v) && v == kv.Value));

    /// <summary>
    /// The Gateways a gateway proxy merges, as istiod's <c>mergeGateways</c> picks them: from every namespace, a Gateway
    /// without a selector applies to every gateway proxy, and the result is in istiod's order (oldest first, then
    /// <c>name.namespace</c>), which decides which server wins a port conflict.
    /// </summary>
    public IEnumerable<Gateway> ForGatewayProxy(IReadOnlyDictionary<string, string> proxyLabels) =>
        All.Where(g => g.Selector.All(kv => proxyLabels.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .OrderBy(g => g.Meta.CreationTimestamp)
            .ThenBy(g => $"{g.Meta.Name}.{g.Meta.Namespace}", StringComparer.Ordinal);
}
