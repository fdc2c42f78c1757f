namespace ControlPlane.Kubernetes.Converters;

using ControlPlane.Model.Config;
using ControlPlane.Model.Mesh;

/// <summary>What a kind converter needs besides the object itself.</summary>
internal sealed record ConversionScope(MeshConfig Mesh, string File, string ApiVersion, ObjectMetadata Metadata)
{
    public ConfigMeta ConfigMeta() => new()
    {
        Name = Metadata.Name,
        Namespace = Metadata.Namespace,
        ApiVersion = ApiVersion,
        Labels = Metadata.Labels,
        Annotations = Metadata.Annotations,
        ResourceVersion = Metadata.ResourceVersion,
        CreationTimestamp = Metadata.CreationTimestamp,
        Origin = File,
    };
}
