namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using ControlPlane.Xds.Generation.Filters;
using ControlPlane.Xds.Generation.Naming;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;

/// <summary>
/// <c>buildGatewayListeners</c>: one listener per port and bind, <c>&lt;bind&gt;_&lt;port&gt;</c> (bind defaulting to
/// 0.0.0.0), bound to the port. A plain HTTP port gets one HTTP connection manager for all its servers (RDS
/// <c>http.&lt;port&gt;</c>); other ports get chains per server (<see cref="GatewayTerminatedChainsBuilder"/> for servers
/// terminating TLS, <see cref="GatewayNetworkChainsBuilder"/> for the rest). A listener left without chains is not sent, as
/// istiod omits it. An unprivileged gateway pod gets no listener on a port below 1024 (it could not bind it).
/// </summary>
internal static class GatewayListenerBuilder
{
    /// <summary>Ports below this need privileges an unprivileged gateway pod does not have; istiod skips them for such pods.</summary>
    private const int PrivilegedPortLimit = 1024;

    public static List<Listener> Build(GenerationContext context, MergedGateway merged, GatewayServerReport report)
    {
        foreach (var (server, reason) in merged.Rejected)
        {
            report.NotServed(context.Push, server, $"spec.servers[{server.Index}]", reason);
        }

        var tlsHostsByPort = new Dictionary<int, Dictionary<string, string>>();
        var byName = new Dictionary<string, (string Bind, int Port, List<GatewayFilterChain> Chains)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var servers in merged.Ports.Where(p => p.Port.Number >= PrivilegedPortLimit || !IsUnprivileged(context)))
        {
            var bind = servers.Port.Bind.Length > 0 ? servers.Port.Bind : EnvoyNames.WildcardIpv4;
            var name = EnvoyNames.Listener(bind, servers.Port.Number);
            if (!byName.TryGetValue(name, out var listener))
            {
                listener = (bind, servers.Port.Number, []);
                byName[name] = listener;
                order.Add(name);
            }

            listener.Chains.AddRange(servers.Port.Protocol.IsHttp()
                ? [HttpChain(name, servers.RouteName, servers.Port.Protocol)]
                : servers.Servers.SelectMany(s => ServerChains(context, s, name, report, tlsHostsByPort)));
        }

        return [.. order.Select(n => (Name: n, Entry: byName[n])).Where(x => x.Entry.Chains.Count > 0).Select(x => Finish(x.Name, x.Entry.Bind, x.Entry.Port, x.Entry.Chains))];
    }

    /// <summary><c>IsUnprivileged</c>: node metadata <c>UNPRIVILEGED_POD</c> parses as true.</summary>
    private static bool IsUnprivileged(GenerationContext context) =>
        context.Proxy.Metadata.TryGetValue("UNPRIVILEGED_POD", out var value) && bool.TryParse(value, out var unprivileged) && unprivileged;

    /// <summary>Every plain HTTP server of the port shares one chain and one route configuration.</summary>
    private static GatewayFilterChain HttpChain(string listenerName, string routeName, Protocol protocol) =>
        new([], [], [GatewayConnectionManagerBuilder.Build(EnvoyNames.Delimited("outbound_" + listenerName), routeName, protocol)]);

    /// <summary>Servers terminating TLS (HTTPS or TLS port) get TLS chains; opaque TCP and passthrough servers network chains.</summary>
    private static List<GatewayFilterChain> ServerChains(
        GenerationContext context, GatewayServerEntry server, string listenerName, GatewayServerReport report, Dictionary<int, Dictionary<string, string>> tlsHostsByPort) =>
        server.TerminatesTls
            ? GatewayTerminatedChainsBuilder.Build(context, server, listenerName, report)
            : GatewayNetworkChainsBuilder.Build(context, server, tlsHostsByPort);

    /// <summary>
    /// <c>buildGatewayListener</c>: a TLS inspector when any chain matches SNI or negotiates ALPN; chains keep their order,
    /// and a chain whose match repeats an earlier one is dropped (Envoy would reject the whole listener).
    /// </summary>
    private static Listener Finish(string name, string bind, int port, List<GatewayFilterChain> chains)
    {
        var listener = new Listener
        {
            Name = name,
            Address = EnvoyProto.SocketAddress(bind, port),
            TrafficDirection = TrafficDirection.Outbound,
        };
        if (chains.Any(c => c.NeedsTlsInspector))
        {
            listener.ListenerFilters.Add(ListenerFilters.TlsInspector());
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        listener.FilterChains.AddRange(chains.Where(c => seen.Add(c.MatchKey)).Select(c => c.ToFilterChain()));
        return listener;
    }
}
