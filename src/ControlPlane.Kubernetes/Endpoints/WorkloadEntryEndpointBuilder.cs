namespace ControlPlane.Kubernetes.Endpoints;

using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Services;

/// <summary>
/// Endpoints from WorkloadEntry specs (WorkloadEntries selected by a service, or a ServiceEntry's inline endpoints).
/// The workload port is the entry's port of the same name, else the service port's target port, else its number.
/// </summary>
internal static class WorkloadEntryEndpointBuilder
{
    public static IEnumerable<Endpoint> Build(
        IEnumerable<(WorkloadEntrySpec Spec, string Name, string Namespace)> entries,
        IEnumerable<ServicePort> ports)
    {
        var portList = ports.ToList();
        foreach (var (spec, name, ns) in entries)
        {
            var workload = Workload.FromEntry(spec, name, ns);
            foreach (var port in portList)
            {
                var number = spec.Ports.TryGetValue(port.Name, out var mapped) ? mapped
                    : port.TargetPort > 0 ? port.TargetPort
                    : port.Port;
                yield return EndpointFactory.Create(workload, spec.Address, number, port.Name, HealthStatus.Healthy);
            }
        }
    }
}
