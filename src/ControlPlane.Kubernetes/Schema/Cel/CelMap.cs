namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>A map literal, <c>{"key": value}</c>; rules use it mostly as the empty default <c>{}</c>.</summary>
internal sealed record CelMap(IReadOnlyList<(CelExpr Key, CelExpr Value)> Entries) : CelExpr;
