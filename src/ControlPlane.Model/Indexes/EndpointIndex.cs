namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// Endpoints by service (the snapshot's own map, shared, so an endpoint-only push builds this in O(1)) and by workload
/// address (for inbound listeners and the proxy's locality). The address map is built on first use, and the next
/// index derives its map from this one by the services whose endpoints changed (<see cref="Next"/>): every listener or
/// endpoint push asks for it, and rebuilding it over the whole registry per push context was the largest cost of a
/// small change.
/// </summary>
public sealed class EndpointIndex
{
    private readonly ImmutableDictionary<ServiceKey, ServiceEndpoints> byService;
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<AddressTarget>>> byAddress;

    public EndpointIndex(ImmutableDictionary<ServiceKey, ServiceEndpoints> byService)
    {
        this.byService = byService;
        byAddress = new(() => EndpointAddressMap.Build(byService), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private EndpointIndex(ImmutableDictionary<ServiceKey, ServiceEndpoints> byService, ImmutableDictionary<string, ImmutableArray<AddressTarget>> byAddress)
    {
        this.byService = byService;
        this.byAddress = new(byAddress);
    }

    public ImmutableArray<Endpoint> For(ServiceKey service) =>
        byService.TryGetValue(service, out var endpoints) ? endpoints.Endpoints : [];

    /// <summary>Endpoints whose address is <paramref name="address"/>: the service targets of the workload with that IP.</summary>
    public ImmutableArray<AddressTarget> AtAddress(string address) =>
        byAddress.Value.GetValueOrDefault(address, []);

    /// <summary>
    /// The index over <paramref name="next"/>: this one when the map is the same; otherwise a new index whose address
    /// map, if this one has built its own, is this map with only the changed services applied.
    /// </summary>
    public EndpointIndex Next(ImmutableDictionary<ServiceKey, ServiceEndpoints> next)
    {
        if (ReferenceEquals(next, byService))
        {
            return this;
        }

        return byAddress.IsValueCreated && EndpointAddressMap.TryUpdate(byAddress.Value, byService, next, out var updated)
            ? new EndpointIndex(next, updated)
            : new EndpointIndex(next);
    }
}

/// <summary>One endpoint registered at an address, with the service it belongs to.</summary>
public readonly record struct AddressTarget(ServiceKey Service, Endpoint Endpoint);
