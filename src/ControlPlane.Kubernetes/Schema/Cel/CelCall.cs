namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>A function or method call; <see cref="Target"/> is null for global functions such as <c>size(x)</c>.</summary>
internal sealed record CelCall(CelExpr? Target, string Function, IReadOnlyList<CelExpr> Args) : CelExpr;
