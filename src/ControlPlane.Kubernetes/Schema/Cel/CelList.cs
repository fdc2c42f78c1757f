namespace ControlPlane.Kubernetes.Schema.Cel;

internal sealed record CelList(IReadOnlyList<CelExpr> Items) : CelExpr;
