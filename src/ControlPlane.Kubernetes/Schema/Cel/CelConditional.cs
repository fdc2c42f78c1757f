namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelConditional(CelExpr Condition, CelExpr WhenTrue, CelExpr WhenFalse) : CelExpr;
