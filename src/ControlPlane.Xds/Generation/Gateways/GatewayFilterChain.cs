namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Immutable;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Listeners;
using Envoy.Config.Listener.V3;

/// <summary>
/// istiod's gateway <c>filterChainOpts</c>: SNI and ALPN conditions plus the finished network filters. Without
/// conditions the chain matches every connection (no <c>filter_chain_match</c>).
/// </summary>
internal sealed record GatewayFilterChain(ImmutableArray<string> ServerNames, ImmutableArray<string> ApplicationProtocols, ImmutableArray<Filter> Filters)
{
    /// <summary><c>defaultGatewayTransportSocketConnectTimeout</c>: bounds slow TLS handshakes on every gateway chain.</summary>
    private static readonly TimeSpan TransportSocketConnectTimeout = TimeSpan.FromSeconds(15);

    public bool HasServerNames => !ServerNames.IsDefaultOrEmpty;

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
        chain.Filters.AddRange(Filters.Select(f => f.Clone()));
        return chain;
    }
}
