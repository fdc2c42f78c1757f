namespace ControlPlane.Kubernetes.Cluster;

using ControlPlane.Model.Diagnostics;

/// <summary>
/// One API object converted by the shared converters: the model input (null when rejected) and its problems.
/// <see cref="Stamp"/> is what it was converted from (resourceVersion, plus the node labels for a pod).
/// </summary>
internal sealed record ConvertedObject(string Stamp, string Origin, object? Value, IReadOnlyList<ConfigProblem> Problems);
