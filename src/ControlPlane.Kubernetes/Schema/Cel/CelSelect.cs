namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelSelect(CelExpr Target, string Field) : CelExpr;
