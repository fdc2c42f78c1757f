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
/// <remarks>
/// Every filter here has a constant configuration, so each is built once and the same instance goes into every
/// connection manager of every listener (messages are never changed once built; serializing a shared one writes the
/// same bytes).
/// </remarks>
internal static class HttpFilters
{
    private static readonly HttpFilter OutboundMetadataExchange = MetadataExchange.OutboundHttpFilter();
    private static readonly HttpFilter InboundMetadataExchange = MetadataExchange.InboundHttpFilter();
    private static readonly HttpFilter GrpcWebFilter = new() { Name = FilterNames.GrpcWeb, TypedConfig = EnvoyProto.Pack(new GrpcWeb()) };

    /// <summary>Emits gRPC status as filter state (read by telemetry) without per-method stats.</summary>
    private static readonly HttpFilter GrpcStats = new()
    {
        Name = FilterNames.GrpcStats,
        TypedConfig = EnvoyProto.Pack(new FilterConfig { EmitFilterState = true, StatsForAllMethods = false }),
    };

    private static readonly HttpFilter Fault = new() { Name = FilterNames.Fault, TypedConfig = EnvoyProto.Pack(new HTTPFault()) };
    private static readonly HttpFilter CorsFilter = new() { Name = FilterNames.Cors, TypedConfig = EnvoyProto.Pack(new Cors()) };
    private static readonly HttpFilter RouterFilter = new() { Name = FilterNames.Router, TypedConfig = EnvoyProto.Pack(new Router()) };

    public static IEnumerable<HttpFilter> Outbound(Protocol protocol) => Chain(OutboundMetadataExchange, protocol);

    public static IEnumerable<HttpFilter> Inbound(Protocol protocol) => Chain(InboundMetadataExchange, protocol);

    private static IEnumerable<HttpFilter> Chain(HttpFilter metadataExchange, Protocol protocol)
    {
        yield return metadataExchange;
        if (protocol == Protocol.GrpcWeb)
        {
            yield return GrpcWebFilter;
        }

        yield return GrpcStats;
        yield return Fault;
        yield return CorsFilter;
        yield return RouterFilter;
    }
}
