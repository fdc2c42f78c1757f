namespace ControlPlane.Model.Mesh;

/// <summary>
/// MeshConfig <c>inboundTrafficPolicy.mode</c>: where a sidecar forwards inbound traffic. PASSTHROUGH (the default) keeps
/// the original destination, the pod IP; LOCALHOST sends it to the loopback address, as Istio did before 1.10.
/// </summary>
public enum InboundTrafficPolicyMode
{
    Passthrough,
    Localhost,
}
