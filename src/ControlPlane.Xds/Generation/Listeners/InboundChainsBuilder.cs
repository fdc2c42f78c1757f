namespace ControlPlane.Xds.Generation.Listeners;

using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using ControlPlane.Xds.Generation.Routes;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;

/// <summary>
/// <c>inboundChainForOpts</c> in plaintext mode: HTTP ports get an HCM chain, TCP ports a tcp_proxy chain, sniffed ports
/// both (HTTP selected by ALPN). mTLS chains (PERMISSIVE/STRICT) need SDS certificates, which are not served yet, so
/// inbound listeners accept plaintext only.
/// </summary>
internal static class InboundChainsBuilder
{
    /// <param name="idleTimeout">The proxy's <c>IDLE_TIMEOUT</c> metadata, which istiod sets on inbound tcp_proxy filters.</param>
    public static IEnumerable<FilterChain> Build(InboundChainConfig config, TimeSpan? idleTimeout)
    {
        switch (Protocols.ToListenerProtocol(config.Protocol))
        {
            case ListenerProtocol.Http:
                yield return Chain(config, HttpFilters(config), alpn: false, http: true);
                break;
            case ListenerProtocol.Tcp:
                yield return Chain(config, TcpFilters(config, idleTimeout), alpn: false, http: false);
                break;
            default:
                yield return Chain(config, HttpFilters(config), alpn: true, http: true);
                yield return Chain(config, TcpFilters(config, idleTimeout), alpn: false, http: false);
                break;
        }
    }

    private static FilterChain Chain(InboundChainConfig config, IEnumerable<Filter> filters, bool alpn, bool http)
    {
        var match = new FilterChainMatch { TransportProtocol = OutboundChainsBuilder.RawBuffer };
        if (alpn)
        {
            match.ApplicationProtocols.AddRange(OutboundChainsBuilder.PlaintextHttpAlpns);
        }

        if (config.TargetPort > 0)
        {
            match.DestinationPort = (uint)config.TargetPort;
        }

        var chain = new FilterChain { Name = Name(config, http), FilterChainMatch = match };
        if (config.ConfigPath is { } path)
        {
            chain.Metadata = IstioMetadata.ConfigInfo(path);
        }

        chain.Filters.AddRange(filters);
        return chain;
    }

    /// <summary>The name of a config's own listener when it binds a real port: its TCP chain name, <c>&lt;bind&gt;_&lt;port&gt;</c>.</summary>
    public static string Name(InboundChainConfig config) => Name(config, http: false);

    /// <summary>Passthrough chains keep their historical names; the others are named after bind and target port.</summary>
    private static string Name(InboundChainConfig config, bool http)
    {
        if (config.Passthrough)
        {
            return http ? EnvoyNames.VirtualInboundCatchAllHttpChain : EnvoyNames.VirtualInboundListener;
        }

        return EnvoyNames.Listener(config.Bind, config.TargetPort);
    }

    /// <summary>Metadata exchange first, then the HCM with an inline route configuration (no RDS inbound).</summary>
    private static IEnumerable<Filter> HttpFilters(InboundChainConfig config)
    {
        var statPrefix = EnvoyNames.Delimited(config.Passthrough ? config.ClusterName : "inbound_" + Name(config, http: true));
        yield return MetadataExchange.NetworkFilter();
        yield return HttpConnectionManagerBuilder.Inbound(statPrefix, RouteConfig(config), config.Protocol);
    }

    private static IEnumerable<Filter> TcpFilters(InboundChainConfig config, TimeSpan? idleTimeout)
    {
        yield return MetadataExchange.NetworkFilter();
        yield return TcpProxyFilters.ToCluster(config.ClusterName, settings: new TcpProxySettings { IdleTimeout = idleTimeout });
    }

    /// <summary><c>buildSidecarInboundHTTPRouteConfig</c>: one <c>inbound|http|&lt;servicePort&gt;</c> host for any authority.</summary>
    private static RouteConfiguration RouteConfig(InboundChainConfig config)
    {
        var host = new VirtualHost { Name = EnvoyNames.InboundVirtualHostPrefix + config.ServicePort.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        host.Domains.Add("*");
        host.Routes.Add(DefaultRoutes.Inbound(config.ClusterName, DefaultRoutes.TraceOperation(config.Hostname, config.ServicePort), config.Protocol));
        var routeConfig = new RouteConfiguration { Name = config.ClusterName, ValidateClusters = false };
        routeConfig.VirtualHosts.Add(host);
        return routeConfig;
    }
}
