namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelIdent(string Name) : CelExpr;
