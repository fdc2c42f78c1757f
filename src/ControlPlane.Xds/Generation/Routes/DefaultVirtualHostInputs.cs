namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Caching;

/// <summary>
/// Everything the virtual host of a service port without a VirtualService is built from (<see cref="DefaultVirtualHost"/>):
/// the service, the port, the proxy's domain as that service sees it (<see cref="ProxyDomainView"/>) and the
/// DestinationRule's consistent hash for the port, if any. It is the whole cache key: proxies whose inputs are equal
/// share one virtual host.
/// </summary>
internal readonly record struct DefaultVirtualHostInputs(
    Identity<Service> ServiceRef, int Port, string DomainView, Identity<ConsistentHashSettings> HashRef)
{
    public Service Service => ServiceRef.Value!;
}
