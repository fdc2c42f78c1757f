namespace ControlPlane.Kubernetes.Cluster;

using System.Collections.Immutable;
using ControlPlane.Model.Mesh;

/// <summary>
/// A Kubernetes label selector over namespace labels, as in MeshConfig <c>discoverySelectors</c>: every
/// <see cref="MatchLabels"/> entry and every <see cref="MatchExpressions"/> requirement must hold.
/// </summary>
public sealed record NamespaceSelector
{
    public ImmutableDictionary<string, string> MatchLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<LabelRequirement> MatchExpressions { get; init; } = [];

    public static NamespaceSelector From(DiscoverySelector selector) => new()
    {
        MatchLabels = selector.MatchLabels,
        MatchExpressions = [.. selector.MatchExpressions.Select(r => new LabelRequirement(r.Key, r.Operator, r.Values))],
    };

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        MatchLabels.All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value)
        && MatchExpressions.All(r => r.Matches(labels));
}
