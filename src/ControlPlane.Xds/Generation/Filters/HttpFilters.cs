namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Extensions.Filters.Http.Cors.V3;
using Envoy.Extensions.Filters.Http.Fault.V3;
using Envoy.Extensions.Filters.Http.GrpcStats.V3;
using Envoy.Extensions.Filters.Http.GrpcWeb.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;

/// <summary>
/// The HTTP filter chain of sidecar HCMs, in istiod's order (<c>buildHTTPConnectionManager</c>): metadata exchange, (authn,
/// authz and Wasm: none configured), grpc-web for gRPC-Web ports, grpc_stats, fault and cors (always present so per-route
/// config works), telemetry, router last.
/// </summary>
internal static class HttpFilters
{
    public static IEnumerable<HttpFilter> Outbound(Protocol protocol) => Chain(MetadataExchange.OutboundHttpFilter(), protocol);

    public static IEnumerable<HttpFilter> Inbound(Protocol protocol) => Chain(MetadataExchange.InboundHttpFilter(), protocol);

    private static IEnumerable<HttpFilter> Chain(HttpFilter metadataExchange, Protocol protocol)
    {
        yield return metadataExchange;
        if (protocol == Protocol.GrpcWeb)
        {
            yield return new HttpFilter { Name = FilterNames.GrpcWeb, TypedConfig = EnvoyProto.Pack(new GrpcWeb()) };
        }

        yield return GrpcStats();
        yield return new HttpFilter { Name = FilterNames.Fault, TypedConfig = EnvoyProto.Pack(new HTTPFault()) };
        yield return new HttpFilter { Name = FilterNames.Cors, TypedConfig = EnvoyProto.Pack(new Cors()) };
        yield return new HttpFilter { Name = FilterNames.Router, TypedConfig = EnvoyProto.Pack(new Router()) };
    }

    /// <summary>Emits gRPC status as filter state (read by telemetry) without per-method stats.</summary>
    private static HttpFilter GrpcStats() => new()
    {
        Name = FilterNames.GrpcStats,
        TypedConfig = EnvoyProto.Pack(new FilterConfig { EmitFilterState = true, StatsForAllMethods = false }),
    };
}
