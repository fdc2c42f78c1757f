namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using ClusterFilter = Envoy.Config.Cluster.V3.Filter;

/// <summary>
/// istiod's metadata-exchange filters (<c>pilot/pkg/xds/filters</c>, on by default via <c>METADATA_EXCHANGE</c>): the TCP
/// variant on outbound clusters and inbound network chains, the HTTP peer-metadata variant first in every sidecar HCM
/// (it must run before RBAC, istio/istio#41066). They carry peer workload identity for telemetry.
/// </summary>
internal static class MetadataExchange
{
    private const string TcpTypeUrl = "type.googleapis.com/envoy.tcp.metadataexchange.config.MetadataExchange";
    private const string PeerMetadataTypeUrl = "type.googleapis.com/io.istio.http.peer_metadata.Config";

    public static ClusterFilter ClusterFilter() => new() { Name = FilterNames.MetadataExchange, TypedConfig = TcpConfig() };

    public static Filter NetworkFilter() => new() { Name = FilterNames.MetadataExchange, TypedConfig = TcpConfig() };

    /// <summary>Outbound: discover the upstream peer from Istio headers or workload discovery, and propagate ours.</summary>
    public static HttpFilter OutboundHttpFilter() => PeerMetadata("upstream_discovery", "upstream_propagation");

    /// <summary>Inbound: discover the downstream peer, and propagate ours in responses.</summary>
    public static HttpFilter InboundHttpFilter() => PeerMetadata("downstream_discovery", "downstream_propagation");

    private static Any TcpConfig() => TypedStructs.Of(
        TcpTypeUrl,
        TypedStructs.Struct(("protocol", Value.ForString("istio-peer-exchange")), ("enable_discovery", Value.ForBool(true))));

    private static HttpFilter PeerMetadata(string discoveryKey, string propagationKey)
    {
        var istioHeaders = TypedStructs.Single("istio_headers", TypedStructs.EmptyStruct());
        var workloadDiscovery = TypedStructs.Single("workload_discovery", TypedStructs.EmptyStruct());
        var config = TypedStructs.Struct(
            (discoveryKey, TypedStructs.List(istioHeaders, workloadDiscovery)),
            (propagationKey, TypedStructs.List(TypedStructs.Single("istio_headers", TypedStructs.EmptyStruct()))));
        return new HttpFilter { Name = FilterNames.MetadataExchange, TypedConfig = TypedStructs.Of(PeerMetadataTypeUrl, config) };
    }
}
