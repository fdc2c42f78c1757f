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
}
