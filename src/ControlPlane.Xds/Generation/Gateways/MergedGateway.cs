namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>
/// istiod's <c>MergedGateway</c>: the servers of every Gateway selecting one proxy, grouped by listener port in the order
/// the ports were first claimed, the servers behind each RDS name, and whether any server is AUTO_PASSTHROUGH (which adds
/// the SNI-DNAT clusters). Servers lost to a conflict are in <see cref="Rejected"/>, with the reason.
/// </summary>
internal sealed record MergedGateway(
    ImmutableArray<MergedServers> Ports,
    FrozenDictionary<string, ImmutableArray<GatewayServerEntry>> ServersByRouteName,
    bool ContainsAutoPassthrough,
    ImmutableArray<(GatewayServerEntry Server, string Reason)> Rejected)
{
    public static readonly MergedGateway Empty = new([], FrozenDictionary<string, ImmutableArray<GatewayServerEntry>>.Empty, false, []);

    public bool IsEmpty => Ports.IsEmpty;

    public IEnumerable<GatewayServerEntry> AllServers => Ports.SelectMany(p => p.Servers);
}
