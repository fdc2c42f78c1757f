namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.RequestId.Uuid.V3;

/// <summary>
/// The HTTP connection manager of a gateway HTTP filter chain (<c>buildGatewayConnectionManager</c> under
/// <c>buildHTTPConnectionManager</c>): RDS by the server's route name, the client address trusted as the remote address
/// (the gateway is the edge), <c>x-forwarded-client-cert</c> sanitised and set, <c>server: istio-envoy</c>, 100-continue
/// proxied, and the same HTTP filter chain as sidecar outbound (the gateway class is not inbound). Tracing and access
/// logs are not configured, as for sidecars.
/// </summary>
internal static class GatewayConnectionManagerBuilder
{
    public static Filter Build(string statPrefix, string routeName, Protocol protocol)
    {
        var manager = new HttpConnectionManager
        {
            CodecType = HttpConnectionManager.Types.CodecType.Auto,
            StatPrefix = statPrefix,
            Rds = new Rds { ConfigSource = EnvoyProto.AdsConfigSource(), RouteConfigName = routeName },
            NormalizePath = true,
            PathWithEscapedSlashesAction = HttpConnectionManager.Types.PathWithEscapedSlashesAction.KeepUnchanged,
            UseRemoteAddress = true,
            StreamIdleTimeout = EnvoyProto.Zero(),
            ServerName = "istio-envoy",
            HttpProtocolOptions = new Http1ProtocolOptions(),
            ForwardClientCertDetails = HttpConnectionManager.Types.ForwardClientCertDetails.SanitizeSet,
            SetCurrentClientCertDetails = new HttpConnectionManager.Types.SetCurrentClientCertDetails
            {
                Subject = true,
                Cert = true,
                Dns = true,
                Uri = true,
            },
            RequestIdExtension = new RequestIDExtension
            {
                TypedConfig = EnvoyProto.Pack(new UuidRequestIdConfig { UseRequestIdForTraceSampling = true }),
            },
            Proxy100Continue = true,
        };
        manager.UpgradeConfigs.Add(new HttpConnectionManager.Types.UpgradeConfig { UpgradeType = "websocket" });
        manager.HttpFilters.AddRange(HttpFilters.Outbound(protocol));
        return new Filter { Name = FilterNames.HttpConnectionManager, TypedConfig = EnvoyProto.Pack(manager) };
    }
}
