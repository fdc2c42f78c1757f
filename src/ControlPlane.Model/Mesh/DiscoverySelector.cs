namespace ControlPlane.Model.Mesh;

using System.Collections.Immutable;

/// <summary>
/// One MeshConfig <c>discoverySelectors</c> entry, a label selector over namespace labels kept free of any Kubernetes
/// type: every <see cref="MatchLabels"/> entry and every <see cref="MatchExpressions"/> requirement must hold.
/// </summary>
public sealed record DiscoverySelector
{
    public ImmutableDictionary<string, string> MatchLabels { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableArray<DiscoverySelectorRequirement> MatchExpressions { get; init; } = [];
}
