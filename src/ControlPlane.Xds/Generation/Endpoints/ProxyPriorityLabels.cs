namespace ControlPlane.Xds.Generation.Endpoints;

using System.Collections.Immutable;

/// <summary>
/// What the proxy compares endpoints with for each <c>failoverPriority</c> entry, in order: the entry's <c>=value</c>
/// override or the proxy's (topology-augmented) label value. Compares by content, as istiod's EDS cache key includes
/// <c>GetFailoverPriorityLabels</c>: proxies with the same values share one assignment.
/// </summary>
internal sealed class ProxyPriorityLabels(ImmutableArray<string> values) : IEquatable<ProxyPriorityLabels>
{
    public ImmutableArray<string> Values { get; } = values;

    public bool Equals(ProxyPriorityLabels? other) => other is not null && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as ProxyPriorityLabels);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
