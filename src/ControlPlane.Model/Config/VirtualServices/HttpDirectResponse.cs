namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>
/// Istio HTTPDirectResponse: the route answers itself with <see cref="Status"/> and an optional body, given as text
/// (<c>body.string</c>) or as raw bytes (<c>body.bytes</c>, base64 in YAML); the two are exclusive.
/// </summary>
public sealed record HttpDirectResponse(int Status, string Body = "")
{
    public ImmutableArray<byte> BodyBytes { get; init; } = [];
}
