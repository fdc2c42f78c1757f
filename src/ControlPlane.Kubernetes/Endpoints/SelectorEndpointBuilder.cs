namespace ControlPlane.Kubernetes.Endpoints;

using ControlPlane.Model.Services;

/// <summary>
/// Endpoints of a Kubernetes service derived from the pods its selector matches, as the EndpointSlice controller would
/// publish them: Running pods with an IP, not-ready ones marked unhealthy, named target ports resolved against each
/// pod's container ports (a pod without that port is left out for that port). Used only when the input holds no
/// EndpointSlice for the service.
/// </summary>
internal static class SelectorEndpointBuilder
{
    public static IEnumerable<Endpoint> Build(Service service, IEnumerable<PodInfo> podsInNamespace)
    {
        if (service.Selector.Count == 0 || service.Resolution == Resolution.Alias)
        {
            yield break;
        }

        foreach (var pod in podsInNamespace)
        {
            if (!pod.IsRunning || pod.Ip.Length == 0 || !EndpointFactory.Selects(service.Selector, pod.Labels))
            {
                continue;
            }

            var workload = Workload.FromPod(pod);
            var health = pod.Ready ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            foreach (var port in service.Ports)
            {
                if (TargetPort(port, pod) is { } target)
                {
                    yield return EndpointFactory.Create(workload, pod.Ip, target, port.Name, health);
                }
            }
        }
    }

    private static int? TargetPort(ServicePort port, PodInfo pod)
    {
        if (port.TargetPortName is { } name)
        {
            var match = pod.Ports.FirstOrDefault(p => p.Name == name);
            return match?.Port;
        }

        return port.TargetPort > 0 ? port.TargetPort : port.Port;
    }
}
