namespace ControlPlane.Xds.Generation.Proxyless;

using System.Collections.Frozen;

/// <summary>
/// The generators for proxyless gRPC clients (node metadata <c>GENERATOR: grpc</c>), by type URL, for the generator
/// selector to compose. They are stateless, so one shared set serves every connection.
/// </summary>
internal sealed class ProxylessGenerators
{
    public static readonly ProxylessGenerators Instance = new();

    private ProxylessGenerators()
    {
        IResourceGenerator[] all =
        [
            new ProxylessClusterGenerator(),
            new ProxylessEndpointGenerator(),
            new ProxylessListenerGenerator(),
            new ProxylessRouteGenerator(),
        ];
        ByTypeUrl = all.ToFrozenDictionary(g => g.TypeUrl, StringComparer.Ordinal);
    }

    /// <summary>CDS, EDS, LDS and RDS generators keyed by their type URL.</summary>
    public FrozenDictionary<string, IResourceGenerator> ByTypeUrl { get; }

    /// <summary>The generator for <paramref name="typeUrl"/>, or null for a type proxyless clients are not served.</summary>
    public IResourceGenerator? For(string typeUrl) => ByTypeUrl.GetValueOrDefault(typeUrl);
}
