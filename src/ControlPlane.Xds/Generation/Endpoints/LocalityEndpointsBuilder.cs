namespace ControlPlane.Xds.Generation.Endpoints;

using ControlPlane.Model.Services;
using Envoy.Config.Core.V3;
using Envoy.Config.Endpoint.V3;
using Endpoint = ControlPlane.Model.Services.Endpoint;

/// <summary>
/// Groups endpoints by locality as <c>EndpointBuilder.generate</c> does: one <c>LocalityLbEndpoints</c> per
/// <c>region/zone/subzone</c> label, in label order, weighted by the sum of its endpoints' weights.
/// </summary>
internal static class LocalityEndpointsBuilder
{
    public static List<LocalityLbEndpoints> Build(IEnumerable<Endpoint> endpoints, Func<Endpoint, LbEndpoint> toLbEndpoint) =>
        Build(endpoints, toLbEndpoint, out _);

    /// <param name="groupEndpoints">The model endpoints of each group, in the same order (label priorities need them).</param>
    public static List<LocalityLbEndpoints> Build(
        IEnumerable<Endpoint> endpoints, Func<Endpoint, LbEndpoint> toLbEndpoint, out IReadOnlyList<IReadOnlyList<Endpoint>> groupEndpoints)
    {
        // Grouped by locality value and ordered by label once per group: the label string is not built per endpoint.
        var byLocality = new Dictionary<Model.Services.Locality, (List<LbEndpoint> Endpoints, List<Endpoint> Sources)>();
        foreach (var endpoint in endpoints)
        {
            if (!byLocality.TryGetValue(endpoint.Locality, out var group))
            {
                group = ([], []);
                byLocality[endpoint.Locality] = group;
            }

            group.Endpoints.Add(toLbEndpoint(endpoint));
            group.Sources.Add(endpoint);
        }

        var groups = byLocality
            .Select(g => (Locality: g.Key, g.Value.Endpoints, g.Value.Sources))
            .OrderBy(g => g.Locality.ToString(), StringComparer.Ordinal)
            .ToList();
        groupEndpoints = [.. groups.Select(g => (IReadOnlyList<Endpoint>)g.Sources)];
        var result = new List<LocalityLbEndpoints>(groups.Count);
        foreach (var (locality, lbEndpoints, _) in groups)
        {
            var group = new LocalityLbEndpoints
            {
                Locality = new Envoy.Config.Core.V3.Locality { Region = locality.Region, Zone = locality.Zone, SubZone = locality.SubZone },
                LoadBalancingWeight = SumWeights(lbEndpoints),
            };
            group.LbEndpoints.AddRange(lbEndpoints);
            result.Add(group);
        }

        return result;
    }

    /// <summary>Saturates at MaxUint32 instead of overflowing, as istiod's <c>addUint32</c> does.</summary>
    private static uint SumWeights(IEnumerable<LbEndpoint> endpoints)
    {
        ulong sum = 0;
        foreach (var endpoint in endpoints)
        {
            sum += endpoint.LoadBalancingWeight ?? 0;
        }

        return (uint)Math.Min(sum, uint.MaxValue);
    }
}
