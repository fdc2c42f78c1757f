namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;

/// <summary>
/// istiod's <c>mergeGateways</c>: folds the servers of every Gateway selecting a proxy into listener ports. Plain HTTP
/// servers on one port share a listener and the RDS name <c>http.&lt;port&gt;</c>; TLS servers on one port share a listener
/// and are told apart by SNI, so a host may appear once per port and bind; anything else on a taken port is rejected.
/// Server ports are first translated to the target port of the gateway's own Service (port 80 listening on 8080).
/// </summary>
internal static class MergedGatewayBuilder
{
    /// <summary>A Service label opting out of that translation (istiod's <c>DisableGatewayPortTranslationLabel</c>).</summary>
    private const string DisablePortTranslationLabel = "experimental.istio.io/disable-gateway-port-translation";

    public static MergedGateway Build(GenerationContext context)
    {
        var gateways = context.Push.Gateways.ForGatewayProxy(context.Proxy.Labels).ToList();
        if (gateways.Count == 0)
        {
            return MergedGateway.Empty;
        }

        var state = new MergeState(ServiceTargets.For(context));
        foreach (var gateway in gateways)
        {
            for (var i = 0; i < gateway.Servers.Length; i++)
            {
                state.Add(gateway, i);
            }
        }

        return state.Result();
    }

    /// <summary><c>sanitizeServerHostNamespace</c>: <c>./host</c> is the Gateway's namespace, <c>*/host</c> any, <c>*/*</c> everything.</summary>
    public static ImmutableArray<string> SanitizeHosts(ImmutableArray<string> hosts, string gatewayNamespace)
    {
        var result = ImmutableArray.CreateBuilder<string>(hosts.Length);
        foreach (var host in hosts)
        {
            var slash = host.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                result.Add(host);
                continue;
            }

            var (ns, name) = (host[..slash], host[(slash + 1)..]);
            if (ns == "*" && name == "*")
            {
                return ["*"];
            }

            result.Add(ns switch { "." => $"{gatewayNamespace}/{name}", "*" => name, _ => host });
        }

        return result.MoveToImmutable();
    }

    /// <summary>The merge in istiod's order; mutable, owned by one <see cref="Build"/> call.</summary>
    private sealed class MergeState(IReadOnlyList<ServiceTarget> targets)
    {
        private readonly HashSet<int> gatewayPorts = [];
        private readonly Dictionary<int, HashSet<string>> nonPlainTextBinds = [];
        private readonly Dictionary<GatewayServerPort, MergedServers> merged = [];
        private readonly List<MergedServers> order = [];
        private readonly Dictionary<int, GatewayServerPort> plainTextServers = [];
        private readonly Dictionary<string, List<GatewayServerEntry>> serversByRouteName = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Dictionary<string, string>> tlsHostsByPort = [];
        private readonly List<(GatewayServerEntry, string)> rejected = [];
        private bool autoPassthrough;

        public void Add(Gateway gateway, int index)
        {
            var server = gateway.Servers[index];
            var port = ResolvePort(server.Port);
            var hosts = SanitizeHosts(server.Hosts, gateway.Meta.Namespace);
            var entry = new GatewayServerEntry(gateway, index, server, hosts, port, RouteName(gateway, server, port), SniHosts(server, hosts));
            if (server.Tls is not null)
            {
                var known = tlsHostsByPort.TryGetValue(port, out var k) ? k : tlsHostsByPort[port] = new(StringComparer.Ordinal);
                var duplicates = GatewayHosts.CheckDuplicates(hosts, server.Bind, known);
                if (duplicates.Count > 0)
                {
                    rejected.Add((entry, $"duplicate host names on port {port}: {string.Join(", ", duplicates)}"));
                    return;
                }

                autoPassthrough |= server.Tls.Mode == GatewayTlsMode.AutoPassthrough;
            }

            var serverPort = new GatewayServerPort(port, server.Protocol, server.Bind);
            if (gatewayPorts.Add(port))
            {
                if (!entry.IsTlsServer)
                {
                    plainTextServers[port] = serverPort;
                }

                if (entry.IsHttpServer)
                {
                    serversByRouteName[entry.RouteName] = [entry];
                }

                AddToPort(serverPort, entry.RouteName, entry);
            }
            else if (plainTextServers.TryGetValue(port, out var current))
            {
                AddToPlainTextPort(entry, serverPort, current);
            }
            else
            {
                AddToTlsPort(entry, serverPort);
            }
        }

        public MergedGateway Result() => new(
            [.. order],
            serversByRouteName.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal),
            autoPassthrough,
            [.. rejected]);

        /// <summary>Another server on a plain-text port: only HTTP joins HTTP (or a different bind makes its own listener).</summary>
        private void AddToPlainTextPort(GatewayServerEntry entry, GatewayServerPort serverPort, GatewayServerPort current)
        {
            if (!CanMergeProtocols(entry.Server.Protocol, current.Protocol) && current.Bind == serverPort.Bind)
            {
                rejected.Add((entry, $"conflicts with the {current.Protocol.ToString().ToUpperInvariant()} server already on port {current.Number}"));
                return;
            }

            if (entry.RouteName.Length == 0 && current.Bind == serverPort.Bind)
            {
                rejected.Add((entry, $"port {current.Number} is already taken by a plain-text server"));
                return;
            }

            if (current.Bind != serverPort.Bind)
            {
                AddToPort(serverPort, entry.RouteName, entry).RouteName = entry.RouteName;
            }
            else
            {
                merged[current].Servers.Add(entry);
            }

            RouteServers(entry.RouteName).Add(entry);
        }

        /// <summary>Another server on a TLS port: HTTPS needs its own RDS name; a server without TLS only on a new bind.</summary>
        private void AddToTlsPort(GatewayServerEntry entry, GatewayServerPort serverPort)
        {
            if (entry.IsHttpServer)
            {
                if (entry.RouteName.Length == 0 || serversByRouteName.ContainsKey(entry.RouteName))
                {
                    rejected.Add((entry, $"port name '{entry.Server.PortName}' is not unique among HTTPS servers on port {entry.ListenPort}"));
                    return;
                }

                serversByRouteName[entry.RouteName] = [entry];
            }

            var binds = nonPlainTextBinds.TryGetValue(entry.ListenPort, out var b) ? b : nonPlainTextBinds[entry.ListenPort] = new(StringComparer.Ordinal);
            var newBind = binds.Add(serverPort.Bind);
            if (entry.Server.Tls is null && !newBind)
            {
                rejected.Add((entry, $"a server without TLS settings cannot share TLS port {entry.ListenPort}"));
                return;
            }

            AddToPort(serverPort, "", entry);
        }

        private MergedServers AddToPort(GatewayServerPort serverPort, string routeName, GatewayServerEntry entry)
        {
            if (!merged.TryGetValue(serverPort, out var servers))
            {
                servers = new MergedServers(serverPort, routeName);
                merged[serverPort] = servers;
                order.Add(servers);
            }

            servers.Servers.Add(entry);
            return servers;
        }

        private List<GatewayServerEntry> RouteServers(string routeName) =>
            serversByRouteName.TryGetValue(routeName, out var list) ? list : serversByRouteName[routeName] = [];

        /// <summary><c>resolvePorts</c> for selector-bound Gateways: the first own service port equal to the server port gives its target port.</summary>
        private int ResolvePort(int serverPort)
        {
            foreach (var target in targets)
            {
                if (!target.Service.Labels.ContainsKey(DisablePortTranslationLabel) && target.Port.Port == serverPort)
                {
                    return target.TargetPort;
                }
            }

            return serverPort;
        }
    }

    /// <summary><c>canMergeProtocols</c>: HTTP-family servers merge with each other.</summary>
    private static bool CanMergeProtocols(Protocol incoming, Protocol current) =>
        (current.IsHttp() || current == incoming) && incoming.IsHttp();

    /// <summary>
    /// <c>gatewayRDSRouteName</c>: <c>http.&lt;listenPort&gt;</c> for HTTP, <c>https.&lt;serverPort&gt;.&lt;portName&gt;.&lt;gateway&gt;.&lt;namespace&gt;</c>
    /// for terminated HTTPS, with <c>.&lt;bind&gt;</c> appended when bound; none otherwise.
    /// </summary>
    private static string RouteName(Gateway gateway, GatewayServer server, int listenPort)
    {
        var bind = server.Bind.Length > 0 ? "." + server.Bind : "";
        if (server.Protocol.IsHttp())
        {
            return string.Create(CultureInfo.InvariantCulture, $"http.{listenPort}{bind}");
        }

        var passthrough = server.Tls?.Mode is GatewayTlsMode.Passthrough or GatewayTlsMode.AutoPassthrough;
        return server.Protocol == Protocol.Https && !passthrough
            ? string.Create(CultureInfo.InvariantCulture, $"https.{server.Port}.{server.PortName}.{gateway.Meta.Name}.{gateway.Meta.Namespace}{bind}")
            : "";
    }

    /// <summary><c>GetSNIHostsForServer</c>: the hosts without their namespace, distinct and sorted.</summary>
    private static ImmutableArray<string> SniHosts(GatewayServer server, ImmutableArray<string> hosts) =>
        server.Tls is null
            ? []
            : [.. hosts.Select(GatewayHosts.WithoutNamespace).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
