namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>The parsed form of a CEL expression: the subset of the grammar that CRD validation rules use.</summary>
internal abstract record CelExpr;
