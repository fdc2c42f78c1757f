namespace ControlPlane.Kubernetes.Endpoints;

using ControlPlane.Model.Services;

/// <summary>
/// Endpoints of a Kubernetes service from its EndpointSlices: one per address and slice port, joined to the pod named
/// by <c>targetRef</c> for labels, service account and locality. A slice whose pod is not in the input still yields
/// its endpoints, without labels.
/// </summary>
internal static class SliceEndpointBuilder
{
    public static IEnumerable<Endpoint> Build(
        IEnumerable<EndpointSliceInfo> slices,
        IReadOnlyDictionary<(string Namespace, string Name), PodInfo> pods)
    {
        foreach (var slice in slices)
        {
            foreach (var endpoint in slice.Endpoints)
            {
                var workload = WorkloadOf(slice, endpoint, pods);
                var health = HealthOf(endpoint);
                foreach (var address in endpoint.Addresses)
                {
                    foreach (var port in slice.Ports)
                    {
                        yield return EndpointFactory.Create(workload, address, port.Port, port.Name, health);
                    }
                }
            }
        }
    }

    /// <summary>Terminating wins over readiness: a terminating endpoint drains even while it still reports ready.</summary>
    public static HealthStatus HealthOf(SliceEndpoint endpoint) =>
        endpoint.Terminating == true ? HealthStatus.Draining
        : endpoint.Ready == false ? HealthStatus.Unhealthy
        : HealthStatus.Healthy;

    private static Workload WorkloadOf(
        EndpointSliceInfo slice,
        SliceEndpoint endpoint,
        IReadOnlyDictionary<(string Namespace, string Name), PodInfo> pods)
    {
        var podNamespace = endpoint.PodNamespace.Length > 0 ? endpoint.PodNamespace : slice.Namespace;
        if (endpoint.PodName.Length > 0 && pods.TryGetValue((podNamespace, endpoint.PodName), out var pod))
        {
            return Workload.FromPod(pod, endpoint.Zone);
        }

        return new Workload(endpoint.PodName, podNamespace)
        {
            Locality = endpoint.Zone.Length > 0 ? new Locality("", endpoint.Zone) : Locality.Unknown,
        };
    }
}
