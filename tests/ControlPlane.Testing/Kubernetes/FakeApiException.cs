namespace ControlPlane.Testing.Kubernetes;

/// <summary>
/// A request the fake API server refuses as the real one would: the HTTP status, the Status <c>reason</c> and message.
/// An <see cref="InvalidOperationException"/>, so direct store calls from tests keep failing the way they always did.
/// </summary>
public sealed class FakeApiException(int code, string reason, string message) : InvalidOperationException(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public static FakeApiException NotFound(FakeResourcePath path, string name) =>
        new(404, "NotFound", $"{path.QualifiedResource} \"{name}\" not found");

    public static FakeApiException AlreadyExists(FakeResourcePath path, string name) =>
        new(409, "AlreadyExists", $"{path.QualifiedResource} \"{name}\" already exists");

    /// <summary>The optimistic-concurrency failure: the resourceVersion sent is not the stored one.</summary>
    public static FakeApiException Conflict(FakeResourcePath path, string name) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {path.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");
}
