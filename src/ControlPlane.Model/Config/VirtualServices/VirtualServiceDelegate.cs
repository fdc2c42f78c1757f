namespace ControlPlane.Model.Config.VirtualServices;

/// <summary>
/// Istio Delegate: the http rule is replaced by the routes of the VirtualService <see cref="Name"/> (which has no hosts) in
/// <see cref="Namespace"/>, the root's own namespace when empty.
/// </summary>
public sealed record VirtualServiceDelegate(string Name, string Namespace = "")
{
    /// <summary>The delegate's key, resolving an empty namespace to the root's.</summary>
    public ConfigKey KeyFrom(string rootNamespace) =>
        new(ConfigKind.VirtualService, Namespace.Length > 0 ? Namespace : rootNamespace, Name);
}
