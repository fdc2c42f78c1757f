namespace ControlPlane.Model.Config.Sidecars;

/// <summary>What happens to traffic for hosts outside the proxy's registry view.</summary>
public enum OutboundTrafficPolicyMode
{
    AllowAny,
    RegistryOnly,
}
