namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Indexes;
using ControlPlane.Model.Services;

/// <summary>
/// What translating one VirtualService for one route configuration needs: the generation context, the VirtualService,
/// the listener port, and the registry view of this port (<c>servicesByName</c>: host to the service with only this port).
/// </summary>
internal sealed record RouteDestinationContext(
    GenerationContext Generation,
    VirtualServiceEntry VirtualService,
    int ListenerPort,
    IReadOnlyDictionary<string, Service> ServicesByHost)
{
    /// <summary>
    /// Gateway proxies only: whether a match's <c>gateways</c> entry, as written, names the gateway whose routes are being
    /// built. Null for sidecars, where only <c>mesh</c> matches.
    /// </summary>
    public Func<string, bool>? MatchesGateway { get; init; }
}
