namespace ControlPlane.Xds.Generation.Filters;

using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;

/// <summary>tcp_proxy network filters (<c>buildOutboundNetworkFiltersWithSingleDestination</c> and friends).</summary>
internal static class TcpProxyFilters
{
    /// <summary>A tcp_proxy to one cluster; istiod uses the cluster name as stat prefix.</summary>
    /// <param name="tunneling">The destination rule's <c>tunnel</c>, when it sets one.</param>
    public static Filter ToCluster(string cluster, string? statPrefix = null, TcpProxy.Types.TunnelingConfig? tunneling = null) =>
        Wrap(new TcpProxy { StatPrefix = statPrefix ?? cluster, Cluster = cluster, TunnelingConfig = tunneling });

    /// <summary>Weighted tcp_proxy; istiod's stat prefix is <c>&lt;vsName&gt;.&lt;vsNamespace&gt;</c>.</summary>
    public static Filter Weighted(
        string statPrefix, IEnumerable<(string Cluster, int Weight)> clusters, TcpProxy.Types.TunnelingConfig? tunneling = null)
    {
        var weighted = new TcpProxy.Types.WeightedCluster();
        weighted.Clusters.AddRange(clusters.Select(c => new TcpProxy.Types.WeightedCluster.Types.ClusterWeight
        {
            Name = c.Cluster,
            Weight = (uint)c.Weight,
        }));
        return Wrap(new TcpProxy { StatPrefix = statPrefix, WeightedClusters = weighted, TunnelingConfig = tunneling });
    }

    private static Filter Wrap(TcpProxy proxy) => new() { Name = FilterNames.TcpProxy, TypedConfig = EnvoyProto.Pack(proxy) };
}
