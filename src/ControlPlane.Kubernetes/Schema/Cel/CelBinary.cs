namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelBinary(string Operator, CelExpr Left, CelExpr Right) : CelExpr;
