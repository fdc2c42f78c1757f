namespace ControlPlane.Kubernetes.Assembling;

using System.Collections.Immutable;
using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;

/// <summary>
/// Joins one load's objects into a complete <see cref="MeshDelta"/> of upserts: Kubernetes services with endpoints
/// from their EndpointSlices (or, when there are none, from the pods their selector matches) plus selected
/// WorkloadEntries; ServiceEntry hosts as services; every config; every namespace declared or used.
/// </summary>
internal static class MeshAssembler
{
    public static MeshDelta Assemble(MeshInputs inputs, ICollection<ConfigProblem> problems)
    {
        var catalog = new WorkloadCatalog(inputs);
        var services = new Dictionary<ServiceKey, Service>();
        var endpoints = new List<ServiceEndpoints>();
        foreach (var service in inputs.Services)
        {
            services[service.Key] = service;
            endpoints.Add(new ServiceEndpoints(service.Key, EndpointFactory.Sorted(KubernetesEndpoints(service, catalog))));
        }

        foreach (var entry in inputs.Configs.OfType<ServiceEntry>())
        {
            AddServiceEntry(entry, inputs, catalog, services, endpoints, problems);
        }

        return new MeshDelta
        {
            UpsertedServices = [.. services.Values],
            UpsertedEndpoints = [.. endpoints],
            UpsertedConfigs = [.. inputs.Configs],
            UpsertedNamespaces = Namespaces(inputs, services.Values),
        };
    }

    private static IEnumerable<Endpoint> KubernetesEndpoints(Service service, WorkloadCatalog catalog)
    {
        if (service.Resolution == Resolution.Alias)
        {
            return [];
        }

        var slices = catalog.SlicesOf(service.Namespace, service.Name).ToList();
        var fromWorkloads = slices.Count > 0
            ? SliceEndpointBuilder.Build(slices, catalog.Pods)
            : SelectorEndpointBuilder.Build(service, catalog.PodsIn(service.Namespace));
        if (service.Selector.Count == 0)
        {
            return fromWorkloads;
        }

        var entries = catalog.WorkloadEntriesIn(service.Namespace)
            .Where(we => EndpointFactory.Selects(service.Selector, we.Spec.Labels))
            .Select(we => (we.Spec, we.Meta.Name, service.Namespace));
        return fromWorkloads.Concat(WorkloadEntryEndpointBuilder.Build(entries, service.Ports));
    }

    private static void AddServiceEntry(
        ServiceEntry entry,
        MeshInputs inputs,
        WorkloadCatalog catalog,
        Dictionary<ServiceKey, Service> services,
        List<ServiceEndpoints> endpoints,
        ICollection<ConfigProblem> problems)
    {
        for (var i = 0; i < entry.Hosts.Length; i++)
        {
            var service = ServiceEntryExpander.ServiceFor(entry, entry.Hosts[i]);
            if (services.TryGetValue(service.Key, out var existing))
            {
                problems.Add(new ConfigProblem
                {
                    Origin = inputs.OriginOf(entry),
                    Kind = entry.Kind.ToString(),
                    Namespace = entry.Meta.Namespace,
                    Name = entry.Meta.Name,
                    Field = $"spec.hosts[{i}]",
                    Message = $"host {service.Hostname} is already provided in namespace {service.Namespace} by {existing.Registry} {existing.Name}; this host is ignored",
                    Severity = ProblemSeverity.Warning,
                });
                continue;
            }

            services[service.Key] = service;
            var list = ServiceEntryExpander.EndpointsFor(entry, service.Hostname, catalog);
            endpoints.Add(new ServiceEndpoints(service.Key, EndpointFactory.Sorted(list)));
        }
    }

    /// <summary>Declared namespaces with their labels, plus any namespace an object lives in (without labels).</summary>
    private static ImmutableArray<NamespaceInfo> Namespaces(MeshInputs inputs, IEnumerable<Service> services)
    {
        var result = new Dictionary<string, NamespaceInfo>(StringComparer.Ordinal);
        foreach (var ns in inputs.Namespaces)
        {
            result[ns.Name] = ns;
        }

        var used = services.Select(s => s.Namespace)
            .Concat(inputs.Configs.Select(c => c.Meta.Namespace))
            .Concat(inputs.Pods.Select(p => p.Namespace))
            .Concat(inputs.Slices.Select(s => s.Namespace));
        foreach (var name in used)
        {
            result.TryAdd(name, new NamespaceInfo(name, ImmutableDictionary<string, string>.Empty));
        }

        return [.. result.Values.OrderBy(n => n.Name, StringComparer.Ordinal)];
    }
}
