namespace ControlPlane.Model.Config;

using System.Collections.Frozen;

/// <summary>Object metadata carried by every config record.</summary>
public sealed record ConfigMeta
{
    public required string Name { get; init; }

    public required string Namespace { get; init; }

    /// <summary>The apiVersion it was written in, e.g. <c>networking.istio.io/v1beta1</c>.</summary>
    public string ApiVersion { get; init; } = "networking.istio.io/v1";

    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public FrozenDictionary<string, string> Annotations { get; init; } = FrozenDictionary<string, string>.Empty;

    public string ResourceVersion { get; init; } = "";

    public DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>Where it was read from (a file path, or <c>kubernetes</c>), for error messages and debug output.</summary>
    public string Origin { get; init; } = "";
}
