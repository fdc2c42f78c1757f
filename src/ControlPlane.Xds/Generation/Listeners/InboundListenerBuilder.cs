namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildInboundListeners</c> / <c>inboundVirtualListener</c>: <c>virtualInbound</c> on 0.0.0.0:15006 holds every inbound
/// chain (blackhole for 15006 itself, passthrough chains for ports no service declares, one set per workload port),
/// selected by the original destination port.
/// </summary>
internal static class InboundListenerBuilder
{
    public static Listener Build(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        var port = context.Push.Mesh.ProxyInboundListenPort;
        var listener = new Listener
        {
            Name = EnvoyNames.VirtualInboundListener,
            Address = EnvoyProto.SocketAddress(EnvoyNames.WildcardIpv4, port),
            TrafficDirection = TrafficDirection.Inbound,
            ContinueOnListenerFiltersTimeout = true,
            ListenerFiltersTimeout = EnvoyProto.Duration(context.Push.Mesh.ProtocolDetectionTimeout),
        };
        if (Interception.IsTproxy(context.Proxy))
        {
            listener.Transparent = true;
        }

        listener.FilterChains.Add(Blackhole(port));
        listener.FilterChains.AddRange(InboundChainsBuilder.Build(
            new InboundChainConfig(EnvoyNames.InboundPassthroughCluster, 0, 0, Model.Services.Protocol.Unsupported, "", Passthrough: true)));
        foreach (var config in ChainConfigs(context, targets))
        {
            listener.FilterChains.AddRange(InboundChainsBuilder.Build(config));
        }

        listener.ListenerFilters.Add(ListenerFilters.OriginalDst());
        if (HttpInspector(listener) is { } inspector)
        {
            listener.ListenerFilters.Add(inspector);
        }

        return listener;
    }

    /// <summary>
    /// <c>getFilterChainsByServicePort</c>: one config per target port, the first service winning (istiod: the oldest),
    /// skipping ports the proxy itself uses; ordered by target port.
    /// </summary>
    private static IEnumerable<InboundChainConfig> ChainConfigs(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        var seen = new HashSet<int>();
        foreach (var target in targets.OrderBy(t => t.TargetPort))
        {
            if (!ListenerPorts.CanBind(context, false, EnvoyNames.WildcardIpv4, target.TargetPort, target.Port.Protocol) || !seen.Add(target.TargetPort))
            {
                continue;
            }

            yield return new InboundChainConfig(
                ClusterName.Inbound(target.TargetPort), target.Port.Port, target.TargetPort, target.Port.Protocol, target.Service.Hostname, Passthrough: false);
        }
    }

    /// <summary>Traffic to 15006 itself would loop; metadata exchange still runs so the peer is identified.</summary>
    private static FilterChain Blackhole(int port)
    {
        var chain = new FilterChain
        {
            Name = EnvoyNames.VirtualInboundBlackholeChain,
            FilterChainMatch = new FilterChainMatch { DestinationPort = (uint)port },
        };
        chain.Filters.Add(MetadataExchange.NetworkFilter());
        chain.Filters.Add(TcpProxyFilters.ToCluster(EnvoyNames.BlackHoleCluster));
        return chain;
    }

    /// <summary>
    /// <c>populateListenerFilters</c>: the HTTP inspector is needed for chains matching plaintext HTTP ALPNs; it is disabled
    /// (<c>filter_disabled</c>) on the destination ports that never need it, so server-first protocols are not delayed.
    /// </summary>
    private static ListenerFilter? HttpInspector(Listener listener)
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
