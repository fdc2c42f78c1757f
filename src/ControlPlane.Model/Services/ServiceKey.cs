namespace ControlPlane.Model.Services;

/// <summary>Identity of a service: FQDN plus namespace (two namespaces may declare the same ServiceEntry host).</summary>
public readonly record struct ServiceKey(string Hostname, string Namespace)
{
    public override string ToString() => $"{Namespace}/{Hostname}";
}
