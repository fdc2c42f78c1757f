namespace ControlPlane.Xds.Generation;

using System.Collections.Frozen;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Endpoints;
using ControlPlane.Xds.Generation.Listeners;
using ControlPlane.Xds.Generation.Routes;

/// <summary>
/// The generators for stock Envoy sidecars, by type URL, for the generator selector to compose. They hold no state, so
/// one set serves every proxy concurrently.
/// </summary>
internal sealed class EnvoyGenerators
{
    public static EnvoyGenerators Default { get; } = new();

    public EnvoyGenerators()
    {
        IResourceGenerator[] generators = [new ClusterGenerator(), new EndpointGenerator(), new ListenerGenerator(), new RouteGenerator()];
        ByTypeUrl = generators.ToFrozenDictionary(g => g.TypeUrl, StringComparer.Ordinal);
    }

    /// <summary>CDS, EDS, LDS and RDS generators keyed by <see cref="TypeUrls"/>.</summary>
    public FrozenDictionary<string, IResourceGenerator> ByTypeUrl { get; }
}
