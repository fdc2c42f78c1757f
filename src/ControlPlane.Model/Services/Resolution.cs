namespace ControlPlane.Model.Services;

/// <summary>How callers find the service's endpoints; decides the Envoy cluster discovery type.</summary>
public enum Resolution
{
    /// <summary>Control plane supplies endpoints (Kubernetes ClusterIP, ServiceEntry STATIC): EDS.</summary>
    ClientSideLb,
    /// <summary>ServiceEntry DNS: STRICT_DNS.</summary>
    Dns,
    /// <summary>ServiceEntry DNS_ROUND_ROBIN: LOGICAL_DNS.</summary>
    DnsRoundRobin,
    /// <summary>Headless Kubernetes service or ServiceEntry NONE: ORIGINAL_DST.</summary>
    Passthrough,
    /// <summary>ExternalName services: no cluster of their own.</summary>
    Alias,
}
