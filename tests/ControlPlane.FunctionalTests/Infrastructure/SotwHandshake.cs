namespace ControlPlane.FunctionalTests.Infrastructure;

using ControlPlane.Testing.Xds;
using ControlPlane.Xds;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Service.Discovery.V3;

/// <summary>Plays Envoy's start-up over SotW: CDS, then EDS for every EDS cluster, then LDS, then RDS for every RDS name; ACKing each.</summary>
internal static class SotwHandshake
{
    public static async Task<XdsSnapshot> RunAsync(SotwTestClient client)
    {
        var clusters = await client.RequestAsync(TypeUrls.Cluster);
        await client.AckAsync(clusters);
        var edsNames = clusters.Resources.Select(r => r.Unpack<Cluster>())
            .Where(c => c.Type == Cluster.Types.DiscoveryType.Eds)
            .Select(c => c.EdsClusterConfig.ServiceName)
            .ToArray();
        var endpoints = await client.RequestAsync(TypeUrls.Endpoint, edsNames);
        await client.AckAsync(endpoints);

        var listeners = await client.RequestAsync(TypeUrls.Listener);
        await client.AckAsync(listeners);
        var rdsNames = RouteNames(listeners).ToArray();
        var routes = await client.RequestAsync(TypeUrls.Route, rdsNames);
        await client.AckAsync(routes);

        return new XdsSnapshot([.. clusters.Resources], [.. endpoints.Resources], [.. listeners.Resources], [.. routes.Resources]);
    }

    public static IEnumerable<string> RouteNames(DiscoveryResponse listeners) =>
        listeners.Resources.Select(r => r.Unpack<Listener>())
            .SelectMany(l => l.FilterChains.SelectMany(c => c.Filters))
            .Where(f => f.TypedConfig?.Is(HttpConnectionManager.Descriptor) == true)
            .Select(f => f.TypedConfig.Unpack<HttpConnectionManager>())
            .Where(h => h.Rds is not null)
            .Select(h => h.Rds.RouteConfigName)
            .Distinct(StringComparer.Ordinal);
}
