namespace ControlPlane.Kubernetes.Informers;

using System.Text.Json;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

/// <summary>
/// A custom object read through the generic custom-objects API: typed metadata (for keys and resourceVersions), every
/// other field (spec, status) kept as raw JSON, so that converters read it exactly as written.
/// </summary>
public sealed class CustomResource : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public IDictionary<string, JsonElement> Fields { get; set; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
}
