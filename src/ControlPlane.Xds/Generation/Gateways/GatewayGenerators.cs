namespace ControlPlane.Xds.Generation.Gateways;

using System.Collections.Frozen;

/// <summary>
/// The generators for gateway proxies (<c>router~</c> nodes), by type URL. Stateless apart from the shared
/// <see cref="GatewayServerReport"/>, so one set serves every gateway concurrently.
/// </summary>
internal sealed class GatewayGenerators
{
    public GatewayGenerators(GatewayServerReport report)
    {
        Report = report;
        IResourceGenerator[] generators =
            [new GatewayClusterGenerator(), new GatewayEndpointGenerator(), new GatewayListenerGenerator(report), new GatewayRouteGenerator()];
        ByTypeUrl = generators.ToFrozenDictionary(g => g.TypeUrl, StringComparer.Ordinal);
    }

    public GatewayServerReport Report { get; }

    /// <summary>CDS, EDS, LDS and RDS generators keyed by <see cref="TypeUrls"/>.</summary>
    public FrozenDictionary<string, IResourceGenerator> ByTypeUrl { get; }
}
