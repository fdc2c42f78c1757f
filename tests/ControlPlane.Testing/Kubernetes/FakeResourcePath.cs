namespace ControlPlane.Testing.Kubernetes;

/// <summary>
/// A collection URL of the Kubernetes API: <c>/api/v1/pods</c>, <c>/api/v1/namespaces/ns/pods</c>,
/// <c>/apis/group/version/plural</c> (optionally namespaced). <see cref="Resource"/> identifies the collection whatever the
/// namespace filter.
/// </summary>
public sealed record FakeResourcePath(string Group, string Version, string Plural, string? Namespace)
{
    public string Resource => Group.Length == 0 ? $"{Version}/{Plural}" : $"{Group}/{Version}/{Plural}";

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static FakeResourcePath? Parse(string path)
    {
        var parts = path.Trim('/').Split('/');
        return parts switch
        {
            ["api", var version, var plural] => new("", version, plural, null),
            ["api", var version, "namespaces", var ns, var plural] => new("", version, plural, ns),
            ["apis", var group, var version, var plural] => new(group, version, plural, null),
            ["apis", var group, var version, "namespaces", var ns, var plural] => new(group, version, plural, ns),
            _ => null,
        };
    }

    /// <summary>The collection an object of <paramref name="apiVersion"/> and <paramref name="kind"/> belongs to.</summary>
    public static string ResourceOf(string apiVersion, string kind)
    {
        var lower = kind.ToLowerInvariant();
        var plural = lower.EndsWith('y') ? lower[..^1] + "ies" : lower + "s";
        return $"{apiVersion}/{plural}";
    }
}
