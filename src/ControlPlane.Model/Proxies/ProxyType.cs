namespace ControlPlane.Model.Proxies;

/// <summary>The first field of an Istio node id.</summary>
public enum ProxyType
{
    Sidecar,
    /// <summary>A gateway (<c>router~...</c>).</summary>
    Router,
}
