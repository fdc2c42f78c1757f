namespace ControlPlane.Xds.Generation;

using System.IO.Hashing;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// One named resource, packed in an Any whose type URL is the response's type URL, with its content version computed
/// once on first use. Resources are never mutated after packing, and one instance served from the generation caches
/// reaches many proxies, so its bytes are hashed once however often it is sent; keeping the version on the instance
/// needs no shared table, whose lock showed up as contention under 2,000 connecting streams. A class, not a record, so
/// that no <c>with</c> copy can carry a version that no longer matches its content.
/// </summary>
internal sealed class NamedResource(string name, Any resource) : IEquatable<NamedResource>
{
    private string? version;

    public string Name { get; } = name;

    public Any Resource { get; } = resource;

    /// <summary>The delta per-resource version: a function of the serialized bytes only (see <see cref="ContentVersion"/>).</summary>
    public string Version => version ??= ContentVersion(Resource);

    /// <summary>
    /// XXH3 of the packed bytes, as 16 hex digits: stable across processes and restarts, so a proxy that reconnects to
    /// another replica with <c>initial_resource_versions</c> is not resent what it holds.
    /// </summary>
    public static string ContentVersion(Any resource) => XxHash3.HashToUInt64(resource.Value.Span).ToString("x16");

    // Equality stays that of name and content; the lazily computed version is a cache, not state.
    public bool Equals(NamedResource? other) =>
        other is not null && Name == other.Name && Resource.Equals(other.Resource);

    public override bool Equals(object? obj) => Equals(obj as NamedResource);

    public override int GetHashCode() => HashCode.Combine(Name, Resource);

    public override string ToString() => Name;
}
