namespace ControlPlane.Xds.Generation.Listeners;

using System.Collections.Immutable;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// istiod's outbound <c>filterChainOpts</c>: match criteria plus either an HCM (<see cref="RdsName"/> set) or network
/// filters. Becomes one filter chain, or the default chain when it matches everything.
/// </summary>
internal sealed record OutboundChain
{
    public ImmutableArray<string> ApplicationProtocols { get; init; } = [];

    public string TransportProtocol { get; init; } = "";

    public ImmutableArray<string> ServerNames { get; init; } = [];

    public ImmutableArray<string> DestinationCidrs { get; init; } = [];

    public Metadata? Metadata { get; init; }

    /// <summary>The RDS name of an HTTP chain; null for a network (TCP) chain.</summary>
    public string? RdsName { get; init; }

    /// <summary>The port protocol, for protocol-specific HTTP filters (gRPC-Web).</summary>
    public Protocol Protocol { get; init; }

    public ImmutableArray<Filter> NetworkFilters { get; init; } = [];

    public bool IsHttp => RdsName is not null;

    /// <summary><c>isMatchAll</c>: no SNI (or <c>*</c>), ALPN, transport or CIDR condition.</summary>
    public bool IsMatchAll =>
        (ServerNames.IsEmpty || ServerNames.Contains("*"))
        && ApplicationProtocols.IsEmpty
        && TransportProtocol.Length == 0
        && DestinationCidrs.IsEmpty;

    /// <summary><c>toFilterChainMatch</c>: SNI and CIDRs sorted; a <c>*</c> SNI means no SNI condition.</summary>
    public FilterChainMatch? ToFilterChainMatch()
    {
        if (IsMatchAll)
        {
            return null;
        }

        var match = new FilterChainMatch { TransportProtocol = TransportProtocol };
        match.ApplicationProtocols.AddRange(ApplicationProtocols);
        if (!ServerNames.IsEmpty && !ServerNames.Contains("*"))
        {
            match.ServerNames.AddRange(ServerNames.Order(StringComparer.Ordinal));
        }

        foreach (var cidr in DestinationCidrs.Order(StringComparer.Ordinal))
        {
            if (EnvoyProto.Cidr(cidr) is { } range && range.AddressPrefix != Naming.EnvoyNames.WildcardIpv4)
            {
                match.PrefixRanges.Add(range);
            }
        }

        return match;
    }

    /// <summary><c>conflictsWith</c>: same transport, ALPN, SNI set (ignoring <c>*</c>) and CIDR set.</summary>
    public bool ConflictsWith(OutboundChain other) =>
        TransportProtocol == other.TransportProtocol
        && ApplicationProtocols.SequenceEqual(other.ApplicationProtocols)
        && SetOf(ServerNames.Where(s => s != "*")).SetEquals(other.ServerNames.Where(s => s != "*"))
        && SetOf(DestinationCidrs.Where(c => !c.StartsWith("0.0.0.0", StringComparison.Ordinal)))
            .SetEquals(other.DestinationCidrs.Where(c => !c.StartsWith("0.0.0.0", StringComparison.Ordinal)));

    private static HashSet<string> SetOf(IEnumerable<string> values) => new(values, StringComparer.Ordinal);
}
