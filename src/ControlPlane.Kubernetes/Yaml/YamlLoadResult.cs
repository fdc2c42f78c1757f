namespace ControlPlane.Kubernetes.Yaml;

using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;

/// <summary>
/// Everything one load produced: the whole mesh as upserts (services, endpoints, configs, namespaces) and the
/// problems found. Rejected objects are absent from <see cref="Delta"/>; every accepted one is present.
/// </summary>
public sealed record YamlLoadResult(MeshDelta Delta, IReadOnlyList<ConfigProblem> Problems)
{
    /// <summary>Objects accepted into the delta (before ServiceEntry hosts are expanded into services).</summary>
    internal int ObjectCount { get; init; }

    internal int FileCount { get; init; }

    internal IReadOnlyList<SkippedObject> Skipped { get; init; } = [];
}
