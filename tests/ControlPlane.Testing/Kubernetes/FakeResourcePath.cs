namespace ControlPlane.Testing.Kubernetes;

/// <summary>
/// A resource URL of the Kubernetes API: a collection (<c>/api/v1/pods</c>, <c>/api/v1/namespaces/ns/pods</c>,
/// <c>/apis/group/version/plural</c>, optionally namespaced), one object of it (<c>.../plural/name</c>) or an object's
/// subresource (<c>.../plural/name/status</c>). <see cref="Resource"/> identifies the collection whatever the namespace
/// filter; <see cref="StorageKey"/> leaves the version out, since an API server stores one object per group and resource
/// and serves it at every version the resource is served in.
/// </summary>
public sealed record FakeResourcePath(string Group, string Version, string Plural, string? Namespace, string? Name = null, string? Subresource = null)
{
    public string Resource => Group.Length == 0 ? $"{Version}/{Plural}" : $"{Group}/{Version}/{Plural}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string StorageKey => $"{Group}/{Plural}";

    /// <summary>How the API server names the resource in messages: <c>pods</c>, <c>leases.coordination.k8s.io</c>.</summary>
    public string QualifiedResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public bool IsCollection => Name is null;

    public static FakeResourcePath? Parse(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            ["api", var version, "namespaces", var ns, var plural, .. var rest] when rest.Length <= 2 => Item("", version, plural, ns, rest),
            ["api", var version, var plural, .. var rest] when rest.Length <= 2 => Item("", version, plural, null, rest),
            ["apis", var group, var version, "namespaces", var ns, var plural, .. var rest] when rest.Length <= 2 => Item(group, version, plural, ns, rest),
            ["apis", var group, var version, var plural, .. var rest] when rest.Length <= 2 => Item(group, version, plural, null, rest),
            _ => null,
        };
    }

    /// <summary>The collection an object of <paramref name="apiVersion"/> and <paramref name="kind"/> belongs to.</summary>
    public static string ResourceOf(string apiVersion, string kind) => $"{apiVersion}/{PluralOf(kind)}";

    /// <summary>The storage key (group and resource, no version) of an object of <paramref name="apiVersion"/> and <paramref name="kind"/>.</summary>
    public static string StorageKeyOf(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return $"{(slash < 0 ? "" : apiVersion[..slash])}/{PluralOf(kind)}";
    }

    public static string PluralOf(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower.EndsWith('y') ? lower[..^1] + "ies" : lower + "s";
    }

    private static FakeResourcePath Item(string group, string version, string plural, string? ns, string[] rest) =>
        new(group, version, plural, ns, rest.Length > 0 ? rest[0] : null, rest.Length > 1 ? rest[1] : null);
}
