namespace ControlPlane.Model.Tests;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.Sidecars;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;

/// <summary>Small factories for model records, local to the model's tests (which reference nothing but the model).</summary>
internal static class TestMesh
{
    public static Service Service(string name, string ns, params int[] httpPorts) => new()
    {
        Hostname = $"{name}.{ns}.svc.cluster.local",
        Namespace = ns,
        Name = name,
        Ports = [.. httpPorts.Select(p => new ServicePort($"http-{p}", p, Protocol.Http))],
        Addresses = ["10.96.0." + (Math.Abs(name.GetHashCode(StringComparison.Ordinal)) % 250)],
    };

    public static ConfigMeta Meta(string name, string ns) => new() { Name = name, Namespace = ns };

    public static VirtualService VirtualService(string name, string ns, string host, params string[] destinationHosts) => new()
    {
        Meta = Meta(name, ns),
        Hosts = [host],
        Http = [new HttpRoute { Route = [.. destinationHosts.Select(h => new HttpRouteDestination(new Destination(h), 0))] }],
    };

    public static DestinationRule DestinationRule(string name, string ns, string host) => new() { Meta = Meta(name, ns), Host = host };

    public static Sidecar Sidecar(string name, string ns, params string[] egressHosts) => new()
    {
        Meta = Meta(name, ns),
        Egress = [new SidecarEgressListener([.. egressHosts])],
    };

    public static Sidecar SelectingSidecar(string name, string ns, string app, params string[] egressHosts) =>
        Sidecar(name, ns, egressHosts) with
        {
            WorkloadSelector = new WorkloadSelector(new Dictionary<string, string> { ["app"] = app }.ToFrozenDictionary()),
        };

    public static Endpoint Endpoint(string address, int port, string portName = "http", params (string Key, string Value)[] labels) => new()
    {
        Address = address,
        Port = port,
        ServicePortName = portName,
        Labels = labels.ToFrozenDictionary(l => l.Key, l => l.Value),
    };

    public static ImmutableArray<T> Array<T>(params T[] items) => [.. items];
}
