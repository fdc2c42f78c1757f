namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelLiteral(object? Value) : CelExpr;
