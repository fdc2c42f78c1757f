namespace ControlPlane.Kubernetes.Assembling;

using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Model.Config.ServiceEntries;

/// <summary>Lookups over one load's pods, EndpointSlices and WorkloadEntries, for joining them to services.</summary>
internal sealed class WorkloadCatalog
{
    private readonly ILookup<string, PodInfo> podsByNamespace;
    private readonly ILookup<(string Namespace, string Service), EndpointSliceInfo> slicesByService;
    private readonly ILookup<string, WorkloadEntry> entriesByNamespace;

    public WorkloadCatalog(MeshInputs inputs)
    {
        Pods = inputs.Pods.ToDictionary(p => (p.Namespace, p.Name));
        podsByNamespace = inputs.Pods.ToLookup(p => p.Namespace, StringComparer.Ordinal);
        slicesByService = inputs.Slices.ToLookup(s => (s.Namespace, s.ServiceName));
        entriesByNamespace = inputs.Configs.OfType<WorkloadEntry>().ToLookup(e => e.Meta.Namespace, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<(string Namespace, string Name), PodInfo> Pods { get; }

    public IEnumerable<PodInfo> PodsIn(string ns) => podsByNamespace[ns];

    public IEnumerable<EndpointSliceInfo> SlicesOf(string ns, string service) => slicesByService[(ns, service)];

    public IEnumerable<WorkloadEntry> WorkloadEntriesIn(string ns) => entriesByNamespace[ns];
}
