namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;

/// <summary>The parts of a Kubernetes <c>metadata</c> block the converters use.</summary>
internal sealed record ObjectMetadata(string Name, string Namespace)
{
    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public FrozenDictionary<string, string> Annotations { get; init; } = FrozenDictionary<string, string>.Empty;

    public string ResourceVersion { get; init; } = "";

    /// <summary>
    /// <c>metadata.creationTimestamp</c>, or <see cref="DateTimeOffset.MinValue"/> when absent: every undated object then
    /// ties, and consumers break ties by name as istiod does, so the order never depends on file layout or load time.
    /// </summary>
    public DateTimeOffset CreationTimestamp { get; init; } = DateTimeOffset.MinValue;
}
