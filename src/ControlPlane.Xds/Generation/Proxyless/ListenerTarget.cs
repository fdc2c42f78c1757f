namespace ControlPlane.Xds.Generation.Proxyless;

using ControlPlane.Model.Services;

/// <summary>What a client listener name resolved to: the visible service and the port the target named.</summary>
internal sealed record ListenerTarget(Service Service, ServicePort Port)
{
    /// <summary>The RDS name the listener points at: Istio's <c>outbound|&lt;port&gt;||&lt;fqdn&gt;</c>.</summary>
    public string RouteName => new OutboundResourceName(Port.Port, "", Service.Hostname).ToString();
}
