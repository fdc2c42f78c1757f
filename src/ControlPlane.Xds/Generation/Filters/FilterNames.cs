namespace ControlPlane.Xds.Generation.Filters;

/// <summary>Envoy's well-known extension names as istiod writes them (<c>pkg/wellknown</c>).</summary>
internal static class FilterNames
{
    public const string TcpProxy = "envoy.filters.network.tcp_proxy";
    public const string HttpConnectionManager = "envoy.filters.network.http_connection_manager";
    public const string OriginalDst = "envoy.filters.listener.original_dst";
    public const string TlsInspector = "envoy.filters.listener.tls_inspector";
    public const string HttpInspector = "envoy.filters.listener.http_inspector";
    public const string Router = "envoy.filters.http.router";
    public const string Fault = "envoy.filters.http.fault";
    public const string Cors = "envoy.filters.http.cors";
    public const string GrpcStats = "envoy.filters.http.grpc_stats";
    public const string GrpcWeb = "envoy.filters.http.grpc_web";
    public const string MetadataExchange = "istio.metadata_exchange";
    public const string HttpProtocolOptions = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
    public const string CaresDnsResolver = "envoy.network.dns_resolver.cares";
    public const string PreviousHostsPredicate = "envoy.retry_host_predicates.previous_hosts";
    public const string PreviousPriorities = "envoy.retry_priorities.previous_priorities";
}
