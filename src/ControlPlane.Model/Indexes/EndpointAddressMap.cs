namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// Endpoints by workload address, built whole or updated from the previous map by the services whose endpoints
/// changed. Within one address, targets are kept in service order and each service's endpoints in their own order, so
/// an updated map equals a rebuilt one.
/// </summary>
internal static class EndpointAddressMap
{
    /// <summary>Beyond this share of services changed, a rebuild is cheaper than applying each change.</summary>
    private const double RebuildShare = 0.1;

    private static readonly Comparer<ServiceKey> ServiceOrder = Comparer<ServiceKey>.Create((a, b) =>
    {
        var byHost = string.CompareOrdinal(a.Hostname, b.Hostname);
        return byHost != 0 ? byHost : string.CompareOrdinal(a.Namespace, b.Namespace);
    });

    public static ImmutableDictionary<string, ImmutableArray<AddressTarget>> Build(ImmutableDictionary<ServiceKey, ServiceEndpoints> byService)
    {
        var builder = new Dictionary<string, List<AddressTarget>>(StringComparer.Ordinal);
        foreach (var (service, endpoints) in byService.OrderBy(e => e.Key, ServiceOrder))
        {
            foreach (var endpoint in endpoints.Endpoints)
            {
                if (!builder.TryGetValue(endpoint.Address, out var targets))
                {
                    builder[endpoint.Address] = targets = [];
                }

                targets.Add(new AddressTarget(service, endpoint));
            }
        }

        return builder.ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>Applies the difference between two service maps; false when so much changed that a rebuild is cheaper.</summary>
    public static bool TryUpdate(
        ImmutableDictionary<string, ImmutableArray<AddressTarget>> map,
        ImmutableDictionary<ServiceKey, ServiceEndpoints> before,
        ImmutableDictionary<ServiceKey, ServiceEndpoints> after,
        out ImmutableDictionary<string, ImmutableArray<AddressTarget>> updated)
    {
        updated = map;
        var changed = Changed(before, after, (int)(after.Count * RebuildShare) + 1);
        if (changed is null)
        {
            return false;
        }

        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in changed)
        {
            AddAddresses(before, service, addresses);
            AddAddresses(after, service, addresses);
        }

        var builder = map.ToBuilder();
        foreach (var address in addresses)
        {
            var targets = builder.GetValueOrDefault(address, [])
                .Where(t => !changed.Contains(t.Service))
                .Concat(changed.SelectMany(s => TargetsAt(after, s, address)))
                .OrderBy(t => t.Service, ServiceOrder)
                .ToImmutableArray();
            if (targets.IsEmpty)
            {
                builder.Remove(address);
            }
            else
            {
                builder[address] = targets;
            }
        }

        updated = builder.ToImmutable();
        return true;
    }

    /// <summary>Services whose endpoint set is not the same object in both maps; null once more than <paramref name="limit"/>.</summary>
    private static HashSet<ServiceKey>? Changed(
        ImmutableDictionary<ServiceKey, ServiceEndpoints> before, ImmutableDictionary<ServiceKey, ServiceEndpoints> after, int limit)
    {
        var changed = new HashSet<ServiceKey>();
        foreach (var (service, endpoints) in after)
        {
            if ((!before.TryGetValue(service, out var old) || !ReferenceEquals(old, endpoints)) && !AddWithin(changed, service, limit))
            {
                return null;
            }
        }

        var added = changed.Count(s => !before.ContainsKey(s));
        if (before.Count > after.Count - added)
        {
            // Some services disappeared: only then is the previous map scanned for them.
            foreach (var service in before.Keys)
            {
                if (!after.ContainsKey(service) && !AddWithin(changed, service, limit))
                {
                    return null;
                }
            }
        }

        return changed;
    }

    private static bool AddWithin(HashSet<ServiceKey> changed, ServiceKey service, int limit)
    {
        changed.Add(service);
        return changed.Count <= limit;
    }

    private static void AddAddresses(ImmutableDictionary<ServiceKey, ServiceEndpoints> map, ServiceKey service, HashSet<string> addresses)
    {
        if (map.TryGetValue(service, out var endpoints))
        {
            foreach (var endpoint in endpoints.Endpoints)
            {
                addresses.Add(endpoint.Address);
            }
        }
    }

    private static IEnumerable<AddressTarget> TargetsAt(ImmutableDictionary<ServiceKey, ServiceEndpoints> map, ServiceKey service, string address) =>
        map.TryGetValue(service, out var endpoints)
            ? endpoints.Endpoints.Where(e => e.Address == address).Select(e => new AddressTarget(service, e))
            : [];
}
