namespace ControlPlane.Kubernetes.Informers;

/// <summary>Identity of an object within one resource type; cluster-scoped objects have an empty namespace.</summary>
public readonly record struct ResourceKey(string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
