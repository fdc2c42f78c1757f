namespace ControlPlane.Xds.Generation.Proxyless;

using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// The HTTP filter lists gRPC accepts. Clients get istiod's grpcgen list, fault then router; gRPC requires the router
/// to be last and present once, and rejects unknown filters (gRFC A39). Servers get only the router: fault is client-only.
/// </summary>
internal static class ProxylessHttpFilters
{
    public const string FaultName = "envoy.filters.http.fault";
    public const string RouterName = "envoy.filters.http.router";

    public static IEnumerable<HttpFilter> Client()
    {
        yield return new HttpFilter { Name = FaultName, TypedConfig = Any.Pack(new HTTPFault()) };
        yield return Router();
    }

    public static HttpFilter Router() => new() { Name = RouterName, TypedConfig = Any.Pack(new Router()) };
}
