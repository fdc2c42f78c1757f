namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildInboundListeners</c>: <c>virtualInbound</c> on 0.0.0.0:15006 holds every redirected inbound chain (blackhole for
/// 15006 itself, passthrough chains for ports no service declares, one set per workload port), selected by the original
/// destination port. Chains that bind a real port (Sidecar ingress with capture mode NONE) become listeners of their
/// own, after <c>virtualInbound</c>; without interception there is no <c>virtualInbound</c> at all.
/// </summary>
internal static class InboundListenerBuilder
{
    public static List<Listener> Build(GenerationContext context, IReadOnlyList<ServiceTarget> targets)
    {
        var virtualChains = new List<FilterChain>();
        var listeners = new List<Listener>();
        foreach (var config in InboundChainConfigs.Build(context, targets))
        {
            var chains = InboundChainsBuilder.Build(config, ProxyIdleTimeout.Of(context.Proxy)).ToList();
            if (config.BindToPort)
            {
                listeners.Add(Custom(context, config, chains));
            }
            else
            {
                virtualChains.AddRange(chains);
            }
        }

        if (!Interception.IsNone(context.Proxy))
        {
            listeners.Insert(0, Virtual(context, virtualChains));
        }

        return listeners;
    }

    /// <summary><c>inboundVirtualListener</c>: reached through iptables, so it matches on the original destination.</summary>
    private static Listener Virtual(GenerationContext context, List<FilterChain> chains)
    {
        var port = context.Push.Mesh.ProxyInboundListenPort;
        var listener = Base(context, EnvoyNames.VirtualInboundListener, EnvoyNames.WildcardIpv4, port);
        if (Interception.IsTproxy(context.Proxy))
        {
            listener.Transparent = true;
        }

        listener.FilterChains.Add(Blackhole(port));
        listener.FilterChains.AddRange(InboundChainsBuilder.Build(
            new InboundChainConfig(EnvoyNames.InboundPassthroughCluster, 0, 0, Model.Services.Protocol.Unsupported, "", Passthrough: true),
            ProxyIdleTimeout.Of(context.Proxy)));
        listener.FilterChains.AddRange(chains);
        listener.ListenerFilters.Add(ListenerFilters.OriginalDst());
        if (InboundListenerFilters.HttpInspector(listener) is { } inspector)
        {
            listener.ListenerFilters.Add(inspector);
        }

        return listener;
    }

    /// <summary>
    /// <c>inboundCustomListener</c>: a listener that binds <c>bind:port</c> itself, so there is no original destination to
    /// recover and no passthrough chain; named like its chains.
    /// </summary>
    private static Listener Custom(GenerationContext context, InboundChainConfig config, List<FilterChain> chains)
    {
        var listener = Base(context, InboundChainsBuilder.Name(config), config.Bind, config.TargetPort);
        listener.FilterChains.AddRange(chains);
        if (InboundListenerFilters.HttpInspector(listener) is { } inspector)
        {
            listener.ListenerFilters.Add(inspector);
        }

        return listener;
    }

    /// <summary><c>buildInboundListener</c>: settings shared by the virtual and the port-binding inbound listeners.</summary>
    private static Listener Base(GenerationContext context, string name, string bind, int port) => new()
    {
        Name = name,
        Address = EnvoyProto.SocketAddress(bind, port),
        TrafficDirection = TrafficDirection.Inbound,
        ContinueOnListenerFiltersTimeout = true,
        ListenerFiltersTimeout = EnvoyProto.Duration(context.Push.Mesh.ProtocolDetectionTimeout),
    };

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
}
