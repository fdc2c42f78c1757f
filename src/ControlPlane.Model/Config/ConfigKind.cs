namespace ControlPlane.Model.Config;

/// <summary>Kinds of mesh state a push can be about. <see cref="Service"/> keys name a service by FQDN.</summary>
public enum ConfigKind
{
    /// <summary>A service (Kubernetes Service or a ServiceEntry host); Name is the FQDN, as in istiod's ConfigKey.</summary>
    Service,
    VirtualService,
    DestinationRule,
    Sidecar,
    ServiceEntry,
    WorkloadEntry,
    Gateway,
    MeshConfig,
}
