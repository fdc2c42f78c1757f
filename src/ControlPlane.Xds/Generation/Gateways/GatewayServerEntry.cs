namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Services;

/// <summary>
/// One Gateway server as a merged gateway uses it: the owning Gateway (<c>GatewayNameForServer</c>), its position in
/// <c>spec.servers</c>, its hosts with <c>./</c> and <c>*/</c> resolved (<c>sanitizeServerHostNamespace</c>), the port
/// it listens on, its RDS name (HTTP and terminated HTTPS only) and, for TLS servers, its SNI hosts.
/// </summary>
internal sealed record GatewayServerEntry(
    Gateway Gateway,
    int Index,
    GatewayServer Server,
    ImmutableArray<string> Hosts,
    int ListenPort,
    string RouteName,
    ImmutableArray<string> SniHosts)
{
    /// <summary><c>namespace/name</c> of the owning Gateway, the name VirtualServices bind to.</summary>
    public string GatewayName => $"{Gateway.Meta.Namespace}/{Gateway.Meta.Name}";

    public GatewayTlsMode? TlsMode => Server.Tls?.Mode;

    /// <summary><c>gateway.IsTLSServer</c>: TLS settings on a non-HTTP port.</summary>
    public bool IsTlsServer => Server.Tls is not null && !Server.Protocol.IsHttp();

    /// <summary><c>gateway.IsPassThroughServer</c>.</summary>
    public bool IsPassthrough => TlsMode is GatewayTlsMode.Passthrough or GatewayTlsMode.AutoPassthrough;

    /// <summary><c>gateway.IsHTTPServer</c>: plain HTTP, or HTTPS whose TLS is terminated here.</summary>
    public bool IsHttpServer =>
        Server.Protocol.IsHttp()
        || (Server.Protocol == Protocol.Https && Server.Tls is not null && !IsPassthrough);

    /// <summary>Terminates TLS: SIMPLE, MUTUAL, ISTIO_MUTUAL or OPTIONAL_MUTUAL on an HTTPS or TLS port.</summary>
    public bool TerminatesTls => IsTlsServer && !IsPassthrough;
}
