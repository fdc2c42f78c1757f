namespace ControlPlane.Model.Indexes;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// Endpoints by service (the snapshot's own map, shared, so an endpoint-only push builds this in O(1)) and, built lazily
/// on first use, by workload address (for inbound listeners).
/// </summary>
public sealed class EndpointIndex
{
    private readonly ImmutableDictionary<ServiceKey, ServiceEndpoints> byService;
    private readonly Lazy<FrozenDictionary<string, ImmutableArray<(ServiceKey Service, Endpoint Endpoint)>>> byAddress;

    public EndpointIndex(ImmutableDictionary<ServiceKey, ServiceEndpoints> byService)
    {
        this.byService = byService;
        byAddress = new(BuildByAddress, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ImmutableArray<Endpoint> For(ServiceKey service) =>
        byService.TryGetValue(service, out var endpoints) ? endpoints.Endpoints : [];

    /// <summary>Endpoints whose address is <paramref name="address"/>: the service targets of the workload with that IP.</summary>
    public ImmutableArray<(ServiceKey Service, Endpoint Endpoint)> AtAddress(string address) =>
        byAddress.Value.GetValueOrDefault(address, []);

    private FrozenDictionary<string, ImmutableArray<(ServiceKey, Endpoint)>> BuildByAddress() =>
        byService.Values
            .SelectMany(se => se.Endpoints.Select(e => (se.Service, Endpoint: e)))
            .GroupBy(x => x.Endpoint.Address, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => (x.Service, x.Endpoint)).ToImmutableArray(), StringComparer.Ordinal);
}
