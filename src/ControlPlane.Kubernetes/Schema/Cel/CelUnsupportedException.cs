namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>
/// The expression uses CEL this evaluator does not implement. Callers report the rule as not checked, never as passed.
/// </summary>
internal sealed class CelUnsupportedException(string message) : Exception(message);
