namespace ControlPlane.Kubernetes.Schema.Cel;

internal enum CelTokenKind
{
    Identifier,
    Int,
    Double,
    String,
    Operator,
    End,
}
