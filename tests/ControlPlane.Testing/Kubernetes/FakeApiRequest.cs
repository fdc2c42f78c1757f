namespace ControlPlane.Testing.Kubernetes;

/// <summary>One request the fake API server received, for assertions on what a client asked for.</summary>
public sealed record FakeApiRequest(string Resource, bool Watch, string? ResourceVersion, bool AllowWatchBookmarks, string? Namespace);
