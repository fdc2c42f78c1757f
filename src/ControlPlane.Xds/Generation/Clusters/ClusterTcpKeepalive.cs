namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;

/// <summary>
/// <c>applyTCPKeepalive</c>: MeshConfig's <c>tcpKeepalive</c> first, then each field the DestinationRule sets overrides
/// it. Either one alone turns SO_KEEPALIVE on with the operating system's values for the fields not set; Envoy takes
/// whole seconds.
/// </summary>
internal static class ClusterTcpKeepalive
{
    public static void Apply(Cluster cluster, TcpKeepaliveSettings? mesh, TcpKeepaliveSettings? rule)
    {
        Overlay(cluster, mesh);
        Overlay(cluster, rule);
    }

    private static void Overlay(Cluster cluster, TcpKeepaliveSettings? keepalive)
    {
        if (keepalive is null)
        {
            return;
        }

        cluster.UpstreamConnectionOptions ??= new UpstreamConnectionOptions { TcpKeepalive = new TcpKeepalive() };
        var options = cluster.UpstreamConnectionOptions.TcpKeepalive;
        if (keepalive.Probes > 0)
        {
            options.KeepaliveProbes = keepalive.Probes;
        }

        if (keepalive.Time is { } time)
        {
            options.KeepaliveTime = (uint)time.TotalSeconds;
        }

        if (keepalive.Interval is { } interval)
        {
            options.KeepaliveInterval = (uint)interval.TotalSeconds;
        }
    }
}
