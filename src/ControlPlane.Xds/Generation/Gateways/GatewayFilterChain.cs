namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Listeners;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// istiod's gateway <c>filterChainOpts</c>: SNI and ALPN conditions, the TLS context of a server terminating TLS (none for
/// plain text and passthrough) and the finished network filters. Without conditions the chain matches every connection
/// (no <c>filter_chain_match</c>).
/// </summary>
internal sealed record GatewayFilterChain(ImmutableArray<string> ServerNames, ImmutableArray<string> ApplicationProtocols, ImmutableArray<Filter> Filters)
{
    /// <summary><c>wellknown.TransportSocketTLS</c>.</summary>
    private const string TlsTransportSocket = "envoy.transport_sockets.tls";

    /// <summary><c>defaultGatewayTransportSocketConnectTimeout</c>: bounds slow TLS handshakes on every gateway chain.</summary>
    private static readonly TimeSpan TransportSocketConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Set on chains terminating TLS: it becomes the chain's transport socket.</summary>
    public DownstreamTlsContext? Tls { get; init; }

    /// <summary>
    /// <c>buildGatewayListener</c> adds a TLS inspector when a chain matches SNI (even <c>*</c>) or terminates TLS with
    /// ALPN, which Envoy can only negotiate after inspecting the ClientHello.
    /// </summary>
    public bool NeedsTlsInspector => !ServerNames.IsDefaultOrEmpty || Tls?.CommonTlsContext?.AlpnProtocols.Count > 0;

    /// <summary>The key Envoy compares chain matches by; two chains with the same key would be rejected.</summary>
    public string MatchKey =>
        string.Join(',', (ServerNames.IsDefault ? [] : ServerNames).Order(StringComparer.Ordinal))
        + "|" + string.Join(',', ApplicationProtocols.IsDefault ? [] : ApplicationProtocols.AsEnumerable());

    public FilterChain ToFilterChain()
    {
        // toFilterChainMatch is shared with sidecar outbound chains: sorted SNI, '*' meaning no SNI condition.
        var conditions = new OutboundChain
        {
            ServerNames = ServerNames.IsDefault ? [] : ServerNames,
            ApplicationProtocols = ApplicationProtocols.IsDefault ? [] : ApplicationProtocols,
        };
        var chain = new FilterChain
        {
            FilterChainMatch = conditions.ToFilterChainMatch(),
            TransportSocketConnectTimeout = EnvoyProto.Duration(TransportSocketConnectTimeout),
        };
        if (Tls is not null)
        {
            chain.TransportSocket = new TransportSocket { Name = TlsTransportSocket, TypedConfig = EnvoyProto.Pack(Tls) };
        }

        chain.Filters.AddRange(Filters.Select(f => f.Clone()));
        return chain;
    }
}
