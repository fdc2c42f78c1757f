namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>
/// A runtime error inside a supported expression (a missing field, a type mismatch). The Kubernetes API server treats
/// such an error as a failed rule, and so do we.
/// </summary>
internal sealed class CelEvaluationException(string message) : Exception(message);
