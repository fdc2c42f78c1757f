namespace ControlPlane.Xds.Tests.Generation.Tls;

using System.Collections.Frozen;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Proxies;
using ControlPlane.Model.Services;
using ControlPlane.Testing.Mesh;
using Envoy.Config.Cluster.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Extensions.Upstreams.Http.V3;

/// <summary>
/// A service <c>api.shop</c> with two HTTP ports (80, 81) and a gRPC port (90), endpoints of versions v1 and v2, a client
/// sidecar, and helpers to read the upstream TLS of its clusters.
/// </summary>
internal static class TlsMesh
{
    public const string Host = "api.shop.svc.cluster.local";

    public static string ClusterName(int port, string subset = "") => $"outbound|{port}|{subset}|{Host}";

    public static BuiltMesh Build(DestinationRule? rule, bool external = false)
    {
        var builder = new MeshBuilder()
            .Service("api", "shop", s =>
            {
                s.Port("http", 80, Protocol.Http).Port("http-admin", 81, Protocol.Http).Port("grpc", 90, Protocol.Grpc);
                if (external)
                {
                    s.External();
                }
            })
            .Endpoint("api", "shop", "10.0.0.1", e => e.Labels(("app", "api"), ("version", "v1")))
            .Endpoint("api", "shop", "10.0.0.2", e => e.Labels(("app", "api"), ("version", "v2")));
        if (rule is not null)
        {
            builder.Config(rule);
        }

        return builder.Build();
    }

    public static Proxy Client(BuiltMesh mesh, string ip = "10.1.0.1", IReadOnlyDictionary<string, string>? metadata = null)
    {
        var proxy = mesh.Sidecar("web-" + ip.Replace('.', '-'), "shop", ip, ("app", "web"));
        return metadata is null ? proxy : proxy with { Metadata = metadata.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    public static DestinationRule Rule(ClientTlsSettings? tls, params Subset[] subsets) => Rule(new TrafficPolicy { Tls = tls }, subsets);

    public static DestinationRule Rule(TrafficPolicy? policy, params Subset[] subsets) => new()
    {
        Meta = new ConfigMeta { Name = "api", Namespace = "shop" },
        Host = Host,
        TrafficPolicy = policy,
        Subsets = [.. subsets],
    };

    public static Subset Subset(string name, ClientTlsSettings? tls) =>
        new(name, new Dictionary<string, string> { ["version"] = name }.ToFrozenDictionary(), tls is null ? null : new TrafficPolicy { Tls = tls });

    public static Cluster Cluster(BuiltMesh mesh, string name, Proxy? proxy = null) => Generate.Cluster(mesh, proxy ?? Client(mesh), name);

    public static UpstreamTlsContext? TlsOf(Cluster cluster) =>
        cluster.TransportSocket is { } socket ? socket.TypedConfig.Unpack<UpstreamTlsContext>() : null;

    public static Envoy.Config.Core.V3.UpstreamHttpProtocolOptions? UpstreamHttpOptions(Cluster cluster) =>
        cluster.TypedExtensionProtocolOptions.TryGetValue("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", out var packed)
            ? packed.Unpack<HttpProtocolOptions>().UpstreamHttpProtocolOptions
            : null;
}
