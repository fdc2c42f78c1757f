namespace ControlPlane.Xds.Generation.Filters;

using Envoy.Extensions.Filters.Network.TcpProxy.V3;

/// <summary>
/// What istiod sets on an outbound tcp_proxy besides its cluster(s) and stat prefix: the destination rule's TCP idle
/// timeout (else the proxy's <c>IDLE_TIMEOUT</c>), its maximum connection duration, a source-IP hash policy, and its tunnel.
/// </summary>
internal sealed record TcpProxySettings
{
    public static TcpProxySettings None { get; } = new();

    public TimeSpan? IdleTimeout { get; init; }

    public TimeSpan? MaxDownstreamConnectionDuration { get; init; }

    /// <summary><c>hash_policy: [{source_ip: {}}]</c>, for ring-hash or Maglev clusters hashing on the client address.</summary>
    public bool HashBySourceIp { get; init; }

    public TcpProxy.Types.TunnelingConfig? Tunneling { get; init; }
}
