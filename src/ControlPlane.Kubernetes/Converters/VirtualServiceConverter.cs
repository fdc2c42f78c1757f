namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;

/// <summary>networking.istio.io VirtualService (v1, v1beta1 and v1alpha3 share the shape).</summary>
internal static class VirtualServiceConverter
{
    public const string MeshGateway = "mesh";

    public static VirtualService? Convert(FieldReader root, ConversionScope scope)
    {
        var spec = root.Object("spec", required: true);
        if (spec is null)
        {
            return null;
        }

        var hosts = spec.Strings("hosts", required: true);
        var gateways = spec.Strings("gateways");
        CheckHosts(spec, hosts, gateways);
        var http = spec.Array("http", HttpRouteConverter.Convert);
        var tcp = spec.Array("tcp", ConvertTcp);
        var tls = spec.Array("tls", ConvertTls);
        if (!spec.Has("http") && !spec.Has("tcp") && !spec.Has("tls"))
        {
            spec.Error("", "needs at least one of http, tcp or tls routes");
        }

        return new VirtualService
        {
            Meta = scope.ConfigMeta(),
            Hosts = hosts,
            Gateways = gateways,
            Http = http,
            Tcp = tcp,
            Tls = tls,
            ExportTo = spec.Strings("exportTo"),
        };
    }

    private static void CheckHosts(FieldReader spec, ImmutableArray<string> hosts, ImmutableArray<string> gateways)
    {
        var boundToMesh = gateways.IsEmpty || gateways.Contains(MeshGateway);
        for (var i = 0; i < hosts.Length; i++)
        {
            if (hosts[i].Length == 0)
            {
                spec.Error($"hosts[{i}]", "must not be empty");
            }
            else if (hosts[i] == "*" && boundToMesh)
            {
                spec.Error($"hosts[{i}]", "wildcard host * is not allowed for virtual services bound to the mesh gateway");
            }
        }
    }

    private static TcpRoute ConvertTcp(FieldReader tcp)
    {
        var match = tcp.Array("match", m => ConvertL4Match(m, sni: false));
        return new TcpRoute(match, ConvertL4Destinations(tcp));
    }

    private static TlsRoute ConvertTls(FieldReader tls)
    {
        var match = tls.Array("match", m => ConvertL4Match(m, sni: true), required: true);
        return new TlsRoute(match, ConvertL4Destinations(tls));
    }

    private static ImmutableArray<RouteDestination> ConvertL4Destinations(FieldReader rule)
    {
        var route = rule.Array("route", entry =>
        {
            var destination = DestinationConverter.Read(entry);
            var weight = DestinationConverter.Weight(entry);
            return destination is null ? null : new RouteDestination(destination, weight);
        }, required: true);
        DestinationConverter.CheckWeights(rule, "route", route.Select(r => r.Weight).ToList());
        return route;
    }

    private static L4MatchAttributes ConvertL4Match(FieldReader match, bool sni)
    {
        var sniHosts = sni ? match.Strings("sniHosts", required: true) : [];
        match.Unsupported("sourceSubnet");
        return new L4MatchAttributes
        {
            DestinationSubnets = match.Strings("destinationSubnets"),
            Port = match.Int("port", 1, 65535) ?? 0,
            SourceLabels = match.StringMap("sourceLabels"),
            SourceNamespace = match.String("sourceNamespace") ?? "",
            Gateways = match.Strings("gateways"),
            SniHosts = sniHosts,
        };
    }
}
