namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Services;
using Envoy.Config.Route.V3;

/// <summary>
/// istiod's <c>VirtualHostWrapper</c>: routes shared by the registry services (each gets a virtual host with all its
/// domain forms) and the VirtualService host names that match no service (a virtual host with just that name).
/// </summary>
internal sealed record VirtualHostWrapper(
    int Port,
    IReadOnlyList<Service> Services,
    IReadOnlyList<string> VirtualServiceHosts,
    IReadOnlyList<Route> Routes);
