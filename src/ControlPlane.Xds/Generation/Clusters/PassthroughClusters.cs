namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Scoping;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

/// <summary>The fixed clusters every sidecar gets (<c>buildBlackHoleCluster</c>, <c>buildDefaultPassthroughCluster</c>, ...).</summary>
internal static class PassthroughClusters
{
    /// <summary>
    /// Where unmatched outbound traffic goes (the TCP catch-all chains and the <c>allow_any</c> route): PassthroughCluster
    /// under ALLOW_ANY, BlackHoleCluster under REGISTRY_ONLY. A Sidecar's <c>outboundTrafficPolicy.egressProxy</c> replaces
    /// PassthroughCluster with <c>outbound|port|subset|host</c> named as written (<c>GetDestinationCluster</c> without a
    /// service: the host is not expanded, and the cluster exists only if the scope imports that service). istiod ignores it
    /// under REGISTRY_ONLY, which validation rejects anyway.
    /// </summary>
    public static string CatchAll(SidecarScope scope)
    {
        if (scope.OutboundTrafficPolicy != OutboundTrafficPolicyMode.AllowAny)
        {
            return EnvoyNames.BlackHoleCluster;
        }

        return scope.Sidecar?.EgressProxy is { } egress
            ? ClusterName.Outbound(egress.Port, egress.Subset, egress.Host)
            : EnvoyNames.PassthroughCluster;
    }

    /// <summary>STATIC with no endpoints: traffic routed here fails fast (unknown hosts under REGISTRY_ONLY, loops).</summary>
    public static Cluster BlackHole(MeshConfig mesh) => new()
    {
        Name = EnvoyNames.BlackHoleCluster,
        Type = Cluster.Types.DiscoveryType.Static,
        ConnectTimeout = EnvoyProto.Duration(mesh.ConnectTimeout),
        LbPolicy = Cluster.Types.LbPolicy.RoundRobin,
        AltStatName = EnvoyNames.Delimited(EnvoyNames.BlackHoleCluster),
    };

    /// <summary>
    /// ORIGINAL_DST to wherever the app connected (ALLOW_ANY), downstream protocol, 5 minute idle timeout, default limits.
    /// Built directly rather than through <c>buildCluster</c>, so it has no common_lb_config.
    /// </summary>
    public static Cluster Passthrough(MeshConfig mesh)
    {
        var cluster = new Cluster
        {
            Name = EnvoyNames.PassthroughCluster,
            Type = Cluster.Types.DiscoveryType.OriginalDst,
            ConnectTimeout = EnvoyProto.Duration(mesh.ConnectTimeout),
            LbPolicy = Cluster.Types.LbPolicy.ClusterProvided,
            AltStatName = EnvoyNames.Delimited(EnvoyNames.PassthroughCluster),
        };
        cluster.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions] = EnvoyProto.Pack(PassthroughHttpOptions());
        ClusterTrafficPolicy.ApplyConnectionPool(new ClusterDraft(cluster), new ConnectionPoolSettings(), mesh);
        cluster.Filters.Add(MetadataExchange.ClusterFilter());
        return cluster;
    }

    /// <summary>
    /// <c>buildInboundPassthroughCluster</c>: the passthrough cluster renamed, without metadata exchange, bound to 127.0.0.6.
    /// istiod keeps the copied alt_stat_name (<c>PassthroughCluster;</c>), so this does too.
    /// </summary>
    public static Cluster InboundPassthrough(MeshConfig mesh)
    {
        var cluster = Passthrough(mesh);
        cluster.Name = EnvoyNames.InboundPassthroughCluster;
        cluster.Filters.Clear();
        cluster.UpstreamBindConfig = new BindConfig
        {
            SourceAddress = new SocketAddress { Address = EnvoyNames.InboundPassthroughBindIpv4, PortValue = 0 },
        };
        return cluster;
    }

    private static UpstreamHttpProtocolOptions PassthroughHttpOptions() => new()
    {
        CommonHttpProtocolOptions = new HttpProtocolOptions { IdleTimeout = EnvoyProto.Duration(TimeSpan.FromMinutes(5)) },
        UseDownstreamProtocolConfig = new UpstreamHttpProtocolOptions.Types.UseDownstreamHttpConfig
        {
            HttpProtocolOptions = new Http1ProtocolOptions(),
            Http2ProtocolOptions = new Http2ProtocolOptions(),
        },
    };
}
