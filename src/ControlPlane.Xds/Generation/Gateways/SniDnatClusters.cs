namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.Upstreams.Http.V3;

/// <summary>
/// <c>buildOutboundSniDnatClusters</c>: for AUTO_PASSTHROUGH gateways, a copy of every in-mesh outbound cluster (default
/// and subsets) named <c>outbound_.&lt;port&gt;_.&lt;subset&gt;_.&lt;host&gt;</c>. They forward the client's TLS untouched, so
/// they never carry an upstream TLS context of their own (SniDnatClusterMode); everything else (discovery type, traffic
/// policy, metadata) is the outbound cluster's.
/// </summary>
internal static class SniDnatClusters
{
    public static Cluster? From(Cluster outbound)
    {
        if (!ClusterName.TryParse(outbound.Name, out var parsed) || !parsed.IsOutbound)
        {
            return null;
        }

        var name = SniDnatNames.For(parsed.Port, parsed.Subset, parsed.Hostname);
        var cluster = outbound.Clone();
        cluster.Name = name;
        cluster.AltStatName = EnvoyNames.Delimited(name);
        cluster.TransportSocket = null;
        cluster.TransportSocketMatches.Clear();
        DropUpstreamTlsOptions(cluster);
        if (cluster.EdsClusterConfig is { } eds)
        {
            eds.ServiceName = name;
        }

        if (cluster.LoadAssignment is { } assignment)
        {
            assignment.ClusterName = name;
        }

        return cluster;
    }

    /// <summary>
    /// Without the upstream TLS context, the auto-SNI and auto-SAN-validation options that came with it must go too
    /// (istiod never sets them on these clusters).
    /// </summary>
    private static void DropUpstreamTlsOptions(Cluster cluster)
    {
        if (!cluster.TypedExtensionProtocolOptions.TryGetValue(FilterNames.HttpProtocolOptions, out var packed))
        {
            return;
        }

        var options = packed.Unpack<HttpProtocolOptions>();
        if (options.UpstreamHttpProtocolOptions is null)
        {
            return;
        }

        options.UpstreamHttpProtocolOptions = null;
        cluster.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions] = EnvoyProto.Pack(options);
    }
}
