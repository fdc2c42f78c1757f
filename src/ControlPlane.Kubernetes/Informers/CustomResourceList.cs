namespace ControlPlane.Kubernetes.Informers;

using System.Text.Json.Serialization;
using k8s.Models;

/// <summary>The list form of <see cref="CustomResource"/>: items and the list's resourceVersion.</summary>
public sealed class CustomResourceList
{
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<CustomResource> Items { get; set; } = [];
}
