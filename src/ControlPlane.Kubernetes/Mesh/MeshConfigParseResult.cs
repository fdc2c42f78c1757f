namespace ControlPlane.Kubernetes.Mesh;

using ControlPlane.Model.Mesh;

/// <summary>
/// The outcome of reading a mesh config: <see cref="Mesh"/> is usable only when <see cref="Errors"/> is empty; warnings
/// name fields that were accepted but are not read yet.
/// </summary>
public sealed record MeshConfigParseResult(MeshConfig Mesh, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
