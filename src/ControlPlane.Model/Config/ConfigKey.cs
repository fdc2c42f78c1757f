namespace ControlPlane.Model.Config;

/// <summary>Names one piece of mesh state: what a push is about and what a SidecarScope depends on.</summary>
public readonly record struct ConfigKey(ConfigKind Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
