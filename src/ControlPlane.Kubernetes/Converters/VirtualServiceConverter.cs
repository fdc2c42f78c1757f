namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Hosts;

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

        // istiod: a VirtualService without hosts is a delegate, only ever served through a root's http rules.
        var hosts = spec.Strings("hosts");
        var isDelegate = hosts.IsDefaultOrEmpty;
        var gateways = ReadGatewayNames(spec);
        CheckHosts(spec, hosts, gateways);
        if (isDelegate)
        {
            CheckDelegate(spec, gateways);
        }

        var http = spec.Array("http", h => HttpRouteConverter.Convert(h, isDelegate));
        if (gateways.IsEmpty || gateways.Contains(MeshGateway))
        {
            CheckNoClaimRouting(spec, http);
        }

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
            else if (!NamespacedHost.IsWildcardDomain(hosts[i]) && !System.Net.IPAddress.TryParse(hosts[i], out _))
            {
                spec.Error($"hosts[{i}]", $"'{hosts[i]}' is not *, a *.suffix wildcard, a DNS name or an IP address");
            }
            else if (hosts.Take(i).FirstOrDefault(h => HostName.Overlaps(h, hosts[i])) is { } earlier)
            {
                // istiod: literal and wildcard duplicates (*.foo.com and a.foo.com) both count.
                spec.Error($"hosts[{i}]", $"duplicate hosts in virtual service: {earlier} & {hosts[i]}");
            }
        }
    }

    /// <summary>istiod's delegate rules: gateways, tcp and tls routes mean nothing on a delegate, which only lends http rules.</summary>
    private static void CheckDelegate(FieldReader spec, ImmutableArray<string> gateways)
    {
        if (!gateways.IsDefaultOrEmpty)
        {
            spec.Error("gateways", "delegate virtual service must have no gateways specified");
        }

        if (spec.Has("tls"))
        {
            spec.Error("tls", "delegate virtual service must have no tls route specified");
        }

        if (spec.Has("tcp"))
        {
            spec.Error("tcp", "delegate virtual service must have no tcp route specified");
        }
    }

    /// <summary>istiod: routing on JWT claims (<c>@request.auth.claims.*</c> headers) works only on gateways.</summary>
    private static void CheckNoClaimRouting(FieldReader spec, ImmutableArray<HttpRoute> http)
    {
        for (var i = 0; i < http.Length; i++)
        {
            foreach (var match in http[i].Match)
            {
                foreach (var key in match.Headers.Keys.Concat(match.WithoutHeaders.Keys).Where(k => k.StartsWith("@request.auth.claims", StringComparison.Ordinal)))
                {
                    spec.Error($"http[{i}].match", $"JWT claim based routing (key: {key}) is only supported for gateway, found no gateways");
                }
            }
        }
    }

    /// <summary>A <c>gateways</c> list, checked.</summary>
    internal static ImmutableArray<string> ReadGatewayNames(FieldReader parent)
    {
        var gateways = parent.Strings("gateways");
        CheckGatewayNames(parent, "gateways", gateways);
        return gateways;
    }

    /// <summary>
    /// istiod's <c>validateGatewayNames</c>: <c>namespace/name</c> with both DNS labels, <c>mesh</c>, or a bare name; the
    /// legacy <c>name.namespace...</c> form is accepted with a warning.
    /// </summary>
    internal static void CheckGatewayNames(FieldReader parent, string field, ImmutableArray<string> gateways)
    {
        for (var i = 0; i < gateways.Length; i++)
        {
            var name = gateways[i];
            var parts = name.Split('/');
            if (parts.Length == 2 && (KubeNames.CheckLabel(parts[0]) is not null || KubeNames.CheckLabel(parts[1]) is not null))
            {
                parent.Error($"{field}[{i}]", $"'{name}': namespace and gateway name must be DNS-1123 labels");
            }
            else if (parts.Length > 2 || (parts.Length == 1 && KubeNames.CheckSubdomain(name) is not null))
            {
                parent.Error($"{field}[{i}]", $"'{name}' is not a gateway name (namespace/name)");
            }
            else if (parts.Length == 1 && name.Contains('.', StringComparison.Ordinal))
            {
                var labels = name.Split('.');
                parent.Warning($"{field}[{i}]", $"using legacy gatewayName format '{name}'; prefer the <namespace>/<name> format: '{labels[1]}/{labels[0]}'");
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
        return new L4MatchAttributes
        {
            // Accepted as istiod accepts it: neither checked nor translated there.
            SourceSubnet = match.String("sourceSubnet") ?? "",
            DestinationSubnets = match.Strings("destinationSubnets"),
            Port = match.Int("port", 1, 65535) ?? 0,
            SourceLabels = match.StringMap("sourceLabels"),
            SourceNamespace = match.String("sourceNamespace") ?? "",
            Gateways = ReadGatewayNames(match),
            SniHosts = sniHosts,
        };
    }
}
