namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Filters;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>populateListenerFilters</c> for inbound listeners: the HTTP inspector is needed for chains matching plaintext HTTP
/// ALPNs; it is disabled (<c>filter_disabled</c>) on the destination ports that never need it, so server-first protocols
/// are not delayed. No TLS inspector: inbound chains are plaintext only until certificates are served.
/// </summary>
internal static class InboundListenerFilters
{
    public static ListenerFilter? HttpInspector(Listener listener)
    {
        var needsByPort = new SortedDictionary<int, bool>();
        foreach (var chain in listener.FilterChains)
        {
            var port = (int)(chain.FilterChainMatch?.DestinationPort ?? 0);
            var needs = chain.FilterChainMatch?.ApplicationProtocols.Any(a => a is "http/1.1" or "h2c") ?? false;
            needsByPort[port] = needsByPort.GetValueOrDefault(port) || needs;
        }

        if (!needsByPort.Values.Any(n => n))
        {
            return null;
        }

        var inspector = ListenerFilters.HttpInspector();
        var disabledPorts = needsByPort.Where(kv => !kv.Value).Select(kv => kv.Key).ToList();
        if (disabledPorts.Count > 0)
        {
            inspector.FilterDisabled = ListenerFilters.ExcludePorts(disabledPorts);
        }

        return inspector;
    }
}
