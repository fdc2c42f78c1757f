namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Type.V3;

/// <summary>tcp_proxy network filters (<c>buildOutboundNetworkFiltersWithSingleDestination</c> and friends).</summary>
internal static class TcpProxyFilters
{
    /// <summary>A tcp_proxy to one cluster; istiod uses the cluster name as stat prefix.</summary>
    /// <param name="settings">What the destination's rule (or the proxy) adds; none when omitted.</param>
    public static Filter ToCluster(string cluster, string? statPrefix = null, TcpProxySettings? settings = null) =>
        Wrap(new TcpProxy { StatPrefix = statPrefix ?? cluster, Cluster = cluster }, settings);

    /// <summary>Weighted tcp_proxy; istiod's stat prefix is <c>&lt;vsName&gt;.&lt;vsNamespace&gt;</c>.</summary>
    public static Filter Weighted(
        string statPrefix, IEnumerable<(string Cluster, int Weight)> clusters, TcpProxySettings? settings = null)
    {
        var weighted = new TcpProxy.Types.WeightedCluster();
        weighted.Clusters.AddRange(clusters.Select(c => new TcpProxy.Types.WeightedCluster.Types.ClusterWeight
        {
            Name = c.Cluster,
            Weight = (uint)c.Weight,
        }));
        return Wrap(new TcpProxy { StatPrefix = statPrefix, WeightedClusters = weighted }, settings);
    }

    private static Filter Wrap(TcpProxy proxy, TcpProxySettings? settings)
    {
        if (settings is not null)
        {
            Apply(proxy, settings);
        }

        return new() { Name = FilterNames.TcpProxy, TypedConfig = EnvoyProto.Pack(proxy) };
    }

    private static void Apply(TcpProxy proxy, TcpProxySettings settings)
    {
        if (settings.IdleTimeout is { } idle)
        {
            proxy.IdleTimeout = EnvoyProto.Duration(idle);
        }

        if (settings.MaxDownstreamConnectionDuration is { } max)
        {
            proxy.MaxDownstreamConnectionDuration = EnvoyProto.Duration(max);
        }

        if (settings.HashBySourceIp)
        {
            proxy.HashPolicy.Add(new HashPolicy { SourceIp = new HashPolicy.Types.SourceIp() });
        }

        proxy.TunnelingConfig = settings.Tunneling;
    }
}
