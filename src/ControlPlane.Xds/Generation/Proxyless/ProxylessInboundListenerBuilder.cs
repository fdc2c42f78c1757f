namespace ControlPlane.Xds.Generation.Proxyless;

using System.Globalization;
using System.Net;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using SocketAddress = Envoy.Config.Core.V3.SocketAddress;

/// <summary>
/// Server listeners for gRPC <c>XdsServer</c> (gRFC A36), named by the bootstrap's
/// <c>server_listener_resource_name_template</c> as istiod does: <c>xds.istio.io/grpc/lds/inbound/IP:port</c>.
/// gRPC requires the address to equal the bound IP and port, exactly one HCM filter per chain, and routes with
/// <c>non_forwarding_action</c> (anything else fails RPCs with "Routing error"). Plaintext only: no PeerAuthentication
/// or RBAC is applied here, and the listener is served for any well-formed address so the server can start.
/// </summary>
internal static class ProxylessInboundListenerBuilder
{
    public const string NamePrefix = "xds.istio.io/grpc/lds/inbound/";

    private const string HcmFilterName = "envoy.filters.network.http_connection_manager";

    /// <summary>The server listener, or null when the name does not end in an IP literal and port.</summary>
    public static Listener? Build(string name)
    {
        if (!HostPort.TryParse(name[NamePrefix.Length..], out var address)
            || address.Port is not { } port
            || !IPAddress.TryParse(address.Host, out _))
        {
            return null;
        }

        var routeName = string.Create(CultureInfo.InvariantCulture, $"inbound|{port}||");
        var chain = new FilterChain { Name = routeName };
        chain.Filters.Add(new Filter { Name = HcmFilterName, TypedConfig = Any.Pack(BuildConnectionManager(routeName, port)) });

        var listener = new Listener
        {
            Name = name,
            Address = new Address { SocketAddress = new SocketAddress { Address = address.Host, PortValue = (uint)port } },
            TrafficDirection = TrafficDirection.Inbound,
        };
        listener.FilterChains.Add(chain);
        return listener;
    }

    private static HttpConnectionManager BuildConnectionManager(string routeName, int port)
    {
        var route = new Route
        {
            Name = "default",
            Match = new RouteMatch { Prefix = "/" },
            NonForwardingAction = new NonForwardingAction(),
        };
        var virtualHost = new VirtualHost { Name = string.Create(CultureInfo.InvariantCulture, $"inbound|http|{port}") };
        virtualHost.Domains.Add("*");
        virtualHost.Routes.Add(route);

        var routeConfig = new RouteConfiguration { Name = routeName };
        routeConfig.VirtualHosts.Add(virtualHost);

        var hcm = new HttpConnectionManager { StatPrefix = routeName, RouteConfig = routeConfig };
        hcm.HttpFilters.Add(ProxylessHttpFilters.Router());
        return hcm;
    }
}
