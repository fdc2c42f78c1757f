namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelIndex(CelExpr Target, CelExpr Key) : CelExpr;
