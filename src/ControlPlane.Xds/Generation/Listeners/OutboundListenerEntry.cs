namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Model.Services;

/// <summary>
/// istiod's <c>outboundListenerEntry</c>: the listener being assembled for one (bind, port) while services are merged
/// into it. Mutable, but local to one <see cref="OutboundListenerBuilder"/> run.
/// </summary>
internal sealed class OutboundListenerEntry(string bind, bool bindToPort, int port, Protocol protocol, List<OutboundChain> chains)
{
    public string Bind { get; } = bind;

    public bool BindToPort { get; } = bindToPort;

    public int Port { get; } = port;

    /// <summary>The listener's protocol; HTTP on a wildcard bind counts as sniffed, since it keeps a TCP fallback chain.</summary>
    public Protocol Protocol { get; set; } = protocol;

    public List<OutboundChain> Chains { get; } = chains;

    /// <summary>Set once a portless egress listener starts: services it brings cannot extend port-specific listeners.</summary>
    public bool Locked { get; set; }

    /// <summary><c>mergeTCPFilterChains</c>: appends chains whose match differs from every existing one.</summary>
    public void MergeChains(IEnumerable<OutboundChain> incoming)
    {
        foreach (var chain in incoming)
        {
            if (!Chains.Any(existing => existing.ConflictsWith(chain)))
            {
                Chains.Add(chain);
            }
        }
    }
}
