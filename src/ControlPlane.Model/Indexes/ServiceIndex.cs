namespace ControlPlane.Model.Indexes;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>Services by key, by host name and by namespace, in a deterministic order (host, then namespace).</summary>
public sealed class ServiceIndex
{
    private readonly FrozenDictionary<string, ImmutableArray<Service>> byHost;
    private readonly FrozenDictionary<string, ImmutableArray<Service>> byNamespace;

    public ServiceIndex(IEnumerable<Service> services)
    {
        All = [.. services.OrderBy(s => s.Hostname, StringComparer.Ordinal).ThenBy(s => s.Namespace, StringComparer.Ordinal)];
        ByKey = All.ToFrozenDictionary(s => s.Key);
        byHost = All.GroupBy(s => s.Hostname, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        byNamespace = All.GroupBy(s => s.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }

    public ImmutableArray<Service> All { get; }

    public FrozenDictionary<ServiceKey, Service> ByKey { get; }

    /// <summary>Every service with this exact host name (one per namespace that declares it).</summary>
    public ImmutableArray<Service> WithHost(string hostname) => byHost.GetValueOrDefault(hostname, []);

    /// <summary>Every service declared in <paramref name="ns"/>, in index order.</summary>
    public ImmutableArray<Service> InNamespace(string ns) => byNamespace.GetValueOrDefault(ns, []);

    /// <summary>The service with this host visible from <paramref name="viewerNamespace"/>, preferring one in that namespace.</summary>
    public Service? FindVisible(string hostname, string viewerNamespace)
    {
        Service? visible = null;
        foreach (var service in WithHost(hostname))
        {
            if (service.Namespace == viewerNamespace)
            {
                return service;
            }

            if (visible is null && service.ExportTo.IsVisibleFrom(service.Namespace, viewerNamespace))
            {
                visible = service;
            }
        }

        return visible;
    }
}
