namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelUnary(string Operator, CelExpr Operand) : CelExpr;
