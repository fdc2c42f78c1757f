namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Gateways;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using CoreHttp2 = Envoy.Config.Core.V3.Http2ProtocolOptions;
using UpstreamHttpProtocolOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

/// <summary>sni-dnat copies forward the client's TLS untouched: no upstream TLS of their own, nor its auto SNI/SAN options.</summary>
public sealed class SniDnatClusterTests
{
    [Fact]
    public void The_copy_drops_the_tls_socket_and_its_auto_sni_options_but_keeps_the_protocol()
    {
        var outbound = new Cluster
        {
            Name = "outbound|443||api.shop.svc.cluster.local",
            Type = Cluster.Types.DiscoveryType.Eds,
            EdsClusterConfig = new Cluster.Types.EdsClusterConfig { ServiceName = "outbound|443||api.shop.svc.cluster.local" },
            TransportSocket = new TransportSocket { Name = "envoy.transport_sockets.tls" },
        };
        outbound.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions] = EnvoyProto.Pack(new UpstreamHttpProtocolOptions
        {
            UpstreamHttpProtocolOptions = new Envoy.Config.Core.V3.UpstreamHttpProtocolOptions { AutoSni = true, AutoSanValidation = true },
            ExplicitHttpConfig = new UpstreamHttpProtocolOptions.Types.ExplicitHttpConfig { Http2ProtocolOptions = new CoreHttp2() },
        });

        var copy = SniDnatClusters.From(outbound)!;

        Assert.Equal("outbound_.443_._.api.shop.svc.cluster.local", copy.Name);
        Assert.Equal(copy.Name, copy.EdsClusterConfig.ServiceName);
        Assert.Null(copy.TransportSocket);
        var options = copy.TypedExtensionProtocolOptions[FilterNames.HttpProtocolOptions].Unpack<UpstreamHttpProtocolOptions>();
        Assert.Null(options.UpstreamHttpProtocolOptions);
        Assert.NotNull(options.ExplicitHttpConfig.Http2ProtocolOptions);
        Assert.NotNull(outbound.TransportSocket);
    }
}
