namespace ControlPlane.Kubernetes.Schema;

using ControlPlane.Model.Diagnostics;

/// <summary>One result of schema validation: the field path inside the object, the message and whether it rejects the object.</summary>
internal sealed record SchemaFinding(string Field, string Message, ProblemSeverity Severity);
