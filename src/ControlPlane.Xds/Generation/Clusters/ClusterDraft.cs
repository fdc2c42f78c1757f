namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Extensions.Upstreams.Http.V3;
using CoreHttpProtocolOptions = Envoy.Config.Core.V3.HttpProtocolOptions;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

/// <summary>
/// A cluster under construction plus its upstream HTTP options, which istiod keeps apart (<c>clusterWrapper</c>) and packs
/// into <c>typed_extension_protocol_options</c> only at the end. Mutable, but owned by one build call and never shared.
/// </summary>
internal sealed class ClusterDraft(Cluster cluster)
{
    public Cluster Cluster { get; } = cluster;

    public UpstreamHttpProtocolOptions? HttpOptions { get; private set; }

    public UpstreamHttpProtocolOptions EnsureHttpOptions() => HttpOptions ??= new UpstreamHttpProtocolOptions();

    public CoreHttpProtocolOptions EnsureCommonHttpOptions() =>
        EnsureHttpOptions().CommonHttpProtocolOptions ??= new CoreHttpProtocolOptions();

    /// <summary><c>setH2Options</c>: explicit HTTP/2 upstream.</summary>
    public void UseHttp2()
    {
        EnsureHttpOptions().ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig
        {
            Http2ProtocolOptions = new Http2ProtocolOptions(),
        };
    }

    /// <summary><c>setUseDownstreamProtocol</c>: the upstream speaks whatever HTTP version the downstream spoke.</summary>
    public void UseDownstreamProtocol()
    {
        EnsureHttpOptions().UseDownstreamProtocolConfig = new UpstreamHttpProtocolOptions.Types.UseDownstreamHttpConfig
        {
            HttpProtocolOptions = new Http1ProtocolOptions(),
            Http2ProtocolOptions = new Http2ProtocolOptions(),
        };
    }

    /// <summary>
    /// <c>clusterWrapper.build</c>: Envoy requires an upstream protocol once options exist, so HTTP/1.1 is made explicit
    /// when nothing chose one.
    /// </summary>
    public Cluster Build()
    {
        if (HttpOptions is not null)
        {
            if (HttpOptions.UpstreamProtocolOptionsCase == UpstreamHttpProtocolOptions.UpstreamProtocolOptionsOneofCase.None)
            {
                HttpOptions.ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig
                {
                    HttpProtocolOptions = new Http1ProtocolOptions(),
                };
            }

            Cluster.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions] = EnvoyProto.Pack(HttpOptions);
        }

        return Cluster;
    }
}
