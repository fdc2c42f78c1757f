namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>outboundListenerOpts</c>: one service on one listener port, with the bind chosen so far (empty = decide
/// from the service address), whether it binds a real port, and the CIDR when the service address is a range.
/// </summary>
internal sealed record OutboundListenerRequest(
    Service Service,
    ServicePort Port,
    string Bind,
    bool BindToPort,
    IReadOnlyList<VirtualServiceEntry> VirtualServices)
{
    public string Cidr { get; init; } = "";
}
