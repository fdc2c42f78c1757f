namespace ControlPlane.Xds.Tests.Generation;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Testing.Mesh;

/// <summary>Terse constructors for the Istio config records the generator tests use.</summary>
internal static class Configs
{
    public static DestinationRule Rule(string host, TrafficPolicy? policy = null, params Subset[] subsets) => new()
    {
        Meta = MeshBuilder.Meta(host.Split('.')[0], "default"),
        Host = host,
        TrafficPolicy = policy,
        Subsets = [.. subsets],
    };

    public static Subset Subset(string name, string version, TrafficPolicy? policy = null) =>
        new(name, new Dictionary<string, string> { ["version"] = version }.ToFrozenDictionary(), policy);

    public static VirtualService Virtual(string name, string host, params HttpRoute[] http) => new()
    {
        Meta = MeshBuilder.Meta(name, "default"),
        Hosts = [host],
        Http = [.. http],
    };

    public static HttpRouteDestination To(string host, string subset = "", int weight = 0, int port = 0) =>
        new(new Destination(host, subset, port), weight);

    public static HttpMatchRequest Match(StringMatch? uri = null, params (string Name, StringMatch Value)[] headers) => new()
    {
        Uri = uri,
        Headers = headers.ToImmutableDictionary(h => h.Name, h => h.Value),
    };

    public static StringMatch Exact(string value) => new(StringMatchKind.Exact, value);

    public static StringMatch Prefix(string value) => new(StringMatchKind.Prefix, value);

    public static StringMatch Regex(string value) => new(StringMatchKind.Regex, value);

    public static Sidecar Sidecar(string ns, params SidecarEgressListener[] egress) => new()
    {
        Meta = MeshBuilder.Meta("default", ns),
        Egress = [.. egress],
    };

    public static SidecarEgressListener Egress(params string[] hosts) => new([.. hosts]);

    public static ConfigMeta Meta(string name, string ns = "default") => MeshBuilder.Meta(name, ns);
}
