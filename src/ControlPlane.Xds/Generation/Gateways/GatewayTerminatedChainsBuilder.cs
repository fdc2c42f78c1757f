namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Naming;

/// <summary>
/// Chains of servers terminating TLS on HTTPS and TLS ports (<c>createGatewayHTTPFilterChainOpts</c> for HTTPS,
/// <c>createGatewayTCPFilterChainOpts</c> for TLS): matched by the server's SNI hosts, with istiod's downstream TLS
/// context. HTTPS gets an HTTP connection manager on the server's own RDS name
/// (<c>https.&lt;port&gt;.&lt;portName&gt;.&lt;gateway&gt;.&lt;namespace&gt;</c>), its stat prefix the server's
/// <c>name</c> when set; TLS forwards with the first bound VirtualService <c>tcp</c> route whose match holds (none: no
/// chain, as istiod). Only certificate files can be served: a credential or ISTIO_MUTUAL needs secrets this control plane
/// does not deliver, so such a server gets no chain and is reported.
/// </summary>
internal static class GatewayTerminatedChainsBuilder
{
    public static List<GatewayFilterChain> Build(GenerationContext context, GatewayServerEntry server, string listenerName, GatewayServerReport report)
    {
        var tls = server.Server.Tls!;
        if (NotServedBecause(tls) is { } reason)
        {
            report.NotServed(context.Push, server, $"spec.servers[{server.Index}].tls.{reason.Field}", reason.Message);
            return [];
        }

        var downstreamTls = GatewayDownstreamTlsBuilder.Build(tls, context.Proxy, context.Push.Mesh.TlsDefaults);
        if (server.Server.Protocol == Protocol.Https)
        {
            var statPrefix = server.Server.Name.Length > 0 ? server.Server.Name : EnvoyNames.Delimited("outbound_" + listenerName);
            var manager = GatewayConnectionManagerBuilder.Build(statPrefix, server.RouteName, server.Server.Protocol);
            return [new GatewayFilterChain(server.SniHosts, [], [manager]) { Tls = downstreamTls }];
        }

        return GatewayNetworkChainsBuilder.TcpRouteFilter(context, server) is { } filter
            ? [new GatewayFilterChain(server.SniHosts, [], [filter]) { Tls = downstreamTls }]
            : [];
    }

    private static (string Field, string Message)? NotServedBecause(GatewayTlsSettings tls)
    {
        if (tls.Mode == GatewayTlsMode.IstioMutual)
        {
            return ("mode", "ISTIO_MUTUAL TLS termination needs the gateway's workload certificate from the mesh CA (SDS secrets default and ROOTCA), which this control plane does not issue yet");
        }

        if (tls.UsesCredential)
        {
            var field = tls.CredentialName.Length > 0 ? "credentialName" : "credentialNames";
            return (field, $"{ModeName(tls.Mode)} TLS with {field} needs the control plane to deliver that Kubernetes secret over SDS, which is not supported yet (certificate files in serverCertificate/privateKey are served)");
        }

        return null;
    }

    private static string ModeName(GatewayTlsMode mode) => mode switch
    {
        GatewayTlsMode.Mutual => "MUTUAL",
        GatewayTlsMode.OptionalMutual => "OPTIONAL_MUTUAL",
        _ => "SIMPLE",
    };
}
