namespace ControlPlane.Kubernetes.Assembling;

using System.Collections.Frozen;
using ControlPlane.Kubernetes.Endpoints;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Services;

/// <summary>
/// A ServiceEntry as istiod sees it: one service per host, with endpoints from the inline list, or from the
/// WorkloadEntries and pods its workloadSelector picks in its namespace, or, for DNS resolution with neither, the host
/// itself (so the DNS cluster has something to resolve).
/// </summary>
internal static class ServiceEntryExpander
{
    public const string Registry = "ServiceEntry";

    public static Service ServiceFor(ServiceEntry entry, string host) => new()
    {
        Hostname = host,
        Namespace = entry.Meta.Namespace,
        Name = entry.Meta.Name,
        Ports = entry.Ports,
        Addresses = entry.Addresses,
        Labels = entry.Meta.Labels,
        Selector = entry.WorkloadSelector?.MatchLabels ?? FrozenDictionary<string, string>.Empty,
        Resolution = entry.Resolution,
        Location = entry.Location,
        ExportTo = Visibility.Parse(entry.ExportTo),
        Registry = Registry,
        ConfigPath = entry.ConfigPath,
    };

    public static IEnumerable<Endpoint> EndpointsFor(ServiceEntry entry, string host, WorkloadCatalog catalog)
    {
        var ns = entry.Meta.Namespace;
        if (!entry.Endpoints.IsEmpty)
        {
            return WorkloadEntryEndpointBuilder.Build(entry.Endpoints.Select(e => (e, "", ns)), entry.Ports);
        }

        if (entry.WorkloadSelector is { } selector)
        {
            var entries = catalog.WorkloadEntriesIn(ns)
                .Where(we => EndpointFactory.Selects(selector.MatchLabels, we.Spec.Labels))
                .Select(we => (we.Spec, we.Meta.Name, ns));
            return WorkloadEntryEndpointBuilder.Build(entries, entry.Ports)
                .Concat(SelectedPods(entry, catalog.PodsIn(ns), selector.MatchLabels));
        }

        if (entry.Resolution is Resolution.Dns or Resolution.DnsRoundRobin)
        {
            var workload = new Workload("", ns);
            return entry.Ports.Select(p => EndpointFactory.Create(workload, host, p.TargetPort > 0 ? p.TargetPort : p.Port, p.Name, HealthStatus.Healthy));
        }

        return [];
    }

    private static IEnumerable<Endpoint> SelectedPods(ServiceEntry entry, IEnumerable<PodInfo> pods, IReadOnlyDictionary<string, string> selector)
    {
        foreach (var pod in pods.Where(p => p.IsRunning && p.Ip.Length > 0 && EndpointFactory.Selects(selector, p.Labels)))
        {
            var workload = Workload.FromPod(pod);
            var health = pod.Ready ? HealthStatus.Healthy : HealthStatus.Unhealthy;
            foreach (var port in entry.Ports)
            {
                yield return EndpointFactory.Create(workload, pod.Ip, port.TargetPort > 0 ? port.TargetPort : port.Port, port.Name, health);
            }
        }
    }
}
