namespace ControlPlane.Kubernetes.Endpoints;

using System.Collections.Frozen;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Services;

/// <summary>What an endpoint inherits from the workload behind it: a pod, a WorkloadEntry or a ServiceEntry endpoint.</summary>
internal sealed record Workload(string Name, string Namespace)
{
    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string ServiceAccount { get; init; } = "";

    public Locality Locality { get; init; } = Locality.Unknown;

    public int Weight { get; init; } = 1;

    public static Workload FromPod(PodInfo pod, string sliceZone = "") => new(pod.Name, pod.Namespace)
    {
        Labels = pod.Labels,
        ServiceAccount = pod.ServiceAccount,
        Locality = LocalityLabels.Resolve(pod.Labels, sliceZone),
    };

    public static Workload FromEntry(WorkloadEntrySpec entry, string name, string ns) => new(name, ns)
    {
        Labels = entry.Labels,
        ServiceAccount = entry.ServiceAccount,
        Locality = entry.Locality.Length > 0 ? Locality.Parse(entry.Locality) : LocalityLabels.Resolve(entry.Labels, ""),
        Weight = Math.Max(1, entry.Weight),
    };
}
