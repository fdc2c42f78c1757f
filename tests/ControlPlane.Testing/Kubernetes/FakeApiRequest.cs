namespace ControlPlane.Testing.Kubernetes;

/// <summary>
/// One request the fake API server received, for assertions on what a client asked for. <see cref="Verb"/> is the
/// Kubernetes verb (<c>list</c>, <c>watch</c>, <c>get</c>, <c>create</c>, <c>update</c>, <c>patch</c>, or <c>discover</c>
/// for the discovery endpoints, whose <see cref="Resource"/> is the URL path).
/// </summary>
public sealed record FakeApiRequest(string Resource, bool Watch, string? ResourceVersion, bool AllowWatchBookmarks, string? Namespace)
{
    public string Verb { get; init; } = Watch ? "watch" : "list";

    public string? Name { get; init; }

    public string? Subresource { get; init; }

    /// <summary>The request body (create, update, patch), as sent.</summary>
    public string? Body { get; init; }
}
