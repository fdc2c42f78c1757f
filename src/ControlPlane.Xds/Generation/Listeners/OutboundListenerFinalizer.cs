namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildListenerFromEntry</c>: inspectors only where chains need them, the match-all chain as default chain, and a
/// <c>PassthroughFilterChain</c> default when none, so unmatched traffic on the port still leaves per the outbound policy.
/// </summary>
internal static class OutboundListenerFinalizer
{
    public static Listener Build(GenerationContext context, OutboundListenerEntry entry)
    {
        var name = EnvoyNames.Listener(entry.Bind, entry.Port);
        var listener = new Listener
        {
            Name = name,
            Address = EnvoyProto.BuildAddress(entry.Bind, entry.Port),
            TrafficDirection = TrafficDirection.Outbound,
            ContinueOnListenerFiltersTimeout = true,
        };
        if (!entry.BindToPort)
        {
            listener.BindToPort = false;
        }

        AddInspectors(context, listener, entry);
        AddChains(context, listener, entry, name);
        return listener;
    }

    /// <summary>
    /// Match-all chains become the default chain (istio/istio#26079: traffic that starts matching a chain and then fails
    /// a later criterion must not be dropped); a lone default chain stays a normal chain.
    /// </summary>
    private static void AddChains(GenerationContext context, Listener listener, OutboundListenerEntry entry, string name)
    {
        FilterChain? defaultChain = null;
        foreach (var chain in entry.Chains)
        {
            var filterChain = new FilterChain { Metadata = chain.Metadata?.Clone() };
            if (chain.IsHttp)
            {
                var statPrefix = EnvoyNames.Delimited("outbound_" + name);
                filterChain.Filters.Add(HttpConnectionManagerBuilder.Outbound(statPrefix, chain.RdsName!, chain.Protocol));
            }
            else
            {
                filterChain.Filters.AddRange(chain.NetworkFilters.Select(f => f.Clone()));
            }

            if (chain.IsMatchAll)
            {
                defaultChain = filterChain;
            }
            else
            {
                filterChain.FilterChainMatch = chain.ToFilterChainMatch();
                listener.FilterChains.Add(filterChain);
            }
        }

        if (defaultChain is not null && listener.FilterChains.Count == 0)
        {
            listener.FilterChains.Add(defaultChain);
        }
        else
        {
            listener.DefaultFilterChain = defaultChain ?? PassthroughChain(context);
        }
    }

    /// <summary>
    /// A TLS inspector whenever SNI or ALPN is matched (Envoy would inject one otherwise, envoyproxy/envoy#13601), and the
    /// HTTP inspector for ALPN matches, with the mesh protocol detection timeout.
    /// </summary>
    private static void AddInspectors(GenerationContext context, Listener listener, OutboundListenerEntry entry)
    {
        var needTls = entry.Chains.Any(c => !c.ServerNames.IsEmpty);
        var needHttp = entry.Chains.Any(c => !c.ApplicationProtocols.IsEmpty);
        if (needTls || needHttp)
        {
            listener.ListenerFilters.Add(ListenerFilters.TlsInspector());
        }

        if (needHttp)
        {
            listener.ListenerFilters.Add(ListenerFilters.HttpInspector());
            listener.ListenerFiltersTimeout = EnvoyProto.Duration(context.Push.Mesh.ProtocolDetectionTimeout);
        }
        else
        {
            listener.ListenerFiltersTimeout = EnvoyProto.Zero();
        }
    }

    private static FilterChain PassthroughChain(GenerationContext context)
    {
        var chain = new FilterChain { Name = EnvoyNames.PassthroughFilterChain, FilterChainMatch = new FilterChainMatch() };
        chain.Filters.Add(CatchAllFilters.Outbound(context));
        return chain;
    }
}
