namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildVirtualOutboundListener</c>: <c>virtualOutbound</c> on 0.0.0.0:15001 receives everything iptables redirects
/// and hands it to the listener of the original destination (<c>use_original_dst</c>); what matches none is handled here.
/// </summary>
internal static class VirtualListenerBuilder
{
    public static Listener Outbound(GenerationContext context)
    {
        var port = context.Push.Mesh.ProxyListenPort;
        var listener = new Listener
        {
            Name = EnvoyNames.VirtualOutboundListener,
            Address = EnvoyProto.SocketAddress(EnvoyNames.WildcardIpv4, port),
            UseOriginalDst = true,
            TrafficDirection = TrafficDirection.Outbound,
        };
        if (Interception.IsTproxy(context.Proxy))
        {
            listener.Transparent = true;
        }

        // Connections addressed to 15001 itself would loop through the redirect forever.
        var blackhole = new FilterChain
        {
            Name = EnvoyNames.VirtualOutboundBlackholeChain,
            FilterChainMatch = new FilterChainMatch { DestinationPort = (uint)port },
        };
        blackhole.Filters.Add(TcpProxyFilters.ToCluster(EnvoyNames.BlackHoleCluster));

        var catchAll = new FilterChain { Name = EnvoyNames.VirtualOutboundCatchAllTcpChain };
        catchAll.Filters.Add(CatchAllFilters.Outbound(context));

        listener.FilterChains.Add(blackhole);
        listener.FilterChains.Add(catchAll);
        return listener;
    }
}
