namespace ControlPlane.Model.Services;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>
/// A service as the mesh sees it, whatever registry it came from: a Kubernetes Service, one host of a ServiceEntry, or an
/// external registry's entry. Identity is (<see cref="Hostname"/>, <see cref="Namespace"/>).
/// </summary>
public sealed record Service
{
    /// <summary>Fully qualified host name, e.g. <c>reviews.default.svc.cluster.local</c>.</summary>
    public required string Hostname { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Short name (Kubernetes Service name or the ServiceEntry name); used for telemetry metadata.</summary>
    public required string Name { get; init; }

    public ImmutableArray<ServicePort> Ports { get; init; } = [];

    /// <summary>VIPs: the Kubernetes ClusterIP(s) or ServiceEntry addresses (possibly CIDRs). Empty when none.</summary>
    public ImmutableArray<string> Addresses { get; init; } = [];

    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Selects workloads (Pods, WorkloadEntries) that back the service; empty = none.</summary>
    public FrozenDictionary<string, string> Selector { get; init; } = FrozenDictionary<string, string>.Empty;

    public Resolution Resolution { get; init; } = Resolution.ClientSideLb;

    public MeshLocation Location { get; init; } = MeshLocation.Internal;

    public Visibility ExportTo { get; init; } = Visibility.Everywhere;

    /// <summary>The registry kind that produced it, for debug output (<c>Kubernetes</c>, <c>ServiceEntry</c>, ...).</summary>
    public string Registry { get; init; } = "Kubernetes";

    /// <summary>Where it came from, e.g. <c>/apis/networking.istio.io/v1/namespaces/ns/service-entry/name</c> for SEs.</summary>
    public string? ConfigPath { get; init; }

    public ServiceKey Key => new(Hostname, Namespace);

    public ServicePort? FindPort(int port)
    {
        foreach (var p in Ports)
        {
            if (p.Port == port)
            {
                return p;
            }
        }

        return null;
    }
}
