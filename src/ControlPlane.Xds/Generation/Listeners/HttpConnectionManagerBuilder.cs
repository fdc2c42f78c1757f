namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.RequestId.Uuid.V3;

/// <summary>
/// <c>buildHTTPConnectionManager</c> for sidecars. Outbound HCMs use RDS; inbound ones an inline route configuration and
/// the client-certificate forwarding settings. Tracing and access logs are not configured (no providers are modelled).
/// </summary>
internal static class HttpConnectionManagerBuilder
{
    public static Filter Outbound(string statPrefix, string rdsName, Protocol protocol)
    {
        var manager = Base(statPrefix);
        manager.Rds = new Rds { ConfigSource = EnvoyProto.AdsConfigSource(), RouteConfigName = rdsName };
        manager.HttpFilters.AddRange(HttpFilters.Outbound(protocol));
        return Wrap(manager);
    }

    /// <summary>
    /// Inbound: <c>server_name</c> is <c>istio-envoy</c> (outbound keeps Envoy's default, an old inconsistency istiod
    /// preserves), client cert details are appended and forwarded, HTTP/2 ports get explicit HTTP/2 options.
    /// </summary>
    public static Filter Inbound(string statPrefix, RouteConfiguration routeConfig, Protocol protocol)
    {
        var manager = Base(statPrefix);
        manager.RouteConfig = routeConfig;
        manager.ServerName = "istio-envoy";
        manager.ForwardClientCertDetails = HttpConnectionManager.Types.ForwardClientCertDetails.AppendForward;
        manager.SetCurrentClientCertDetails = new HttpConnectionManager.Types.SetCurrentClientCertDetails
        {
            Subject = true,
            Uri = true,
            Dns = true,
        };
        if (Protocols.IsHttp2(protocol))
        {
            manager.Http2ProtocolOptions = new Http2ProtocolOptions();
        }

        manager.HttpFilters.AddRange(HttpFilters.Inbound(protocol));
        return Wrap(manager);
    }

    /// <summary>
    /// Settings shared by every sidecar HCM: auto codec, path normalization (mesh default), escaped slashes kept, no
    /// remote-address trust, websocket upgrades, no stream idle timeout, UUID request ids that drive trace sampling.
    /// </summary>
    private static HttpConnectionManager Base(string statPrefix)
    {
        var manager = new HttpConnectionManager
        {
            CodecType = HttpConnectionManager.Types.CodecType.Auto,
            StatPrefix = statPrefix,
            NormalizePath = true,
            PathWithEscapedSlashesAction = HttpConnectionManager.Types.PathWithEscapedSlashesAction.KeepUnchanged,
            UseRemoteAddress = false,
            StreamIdleTimeout = EnvoyProto.Zero(),
            RequestIdExtension = new RequestIDExtension
            {
                TypedConfig = EnvoyProto.Pack(new UuidRequestIdConfig { UseRequestIdForTraceSampling = true }),
            },
        };
        manager.UpgradeConfigs.Add(new HttpConnectionManager.Types.UpgradeConfig { UpgradeType = "websocket" });
        return manager;
    }

    private static Filter Wrap(HttpConnectionManager manager) =>
        new() { Name = FilterNames.HttpConnectionManager, TypedConfig = EnvoyProto.Pack(manager) };
}
