namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>One lexical token of a CEL expression; <see cref="Value"/> holds the parsed literal for numbers and strings.</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, object? Value = null);
