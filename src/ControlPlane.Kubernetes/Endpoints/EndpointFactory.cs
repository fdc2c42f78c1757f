namespace ControlPlane.Kubernetes.Endpoints;

using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>Builds model endpoints from a workload, and puts endpoint lists in one stable order.</summary>
internal static class EndpointFactory
{
    public const string TlsModeLabel = "security.istio.io/tlsMode";

    public static Endpoint Create(Workload workload, string address, int port, string servicePortName, HealthStatus health) => new()
    {
        Address = address,
        Port = port,
        ServicePortName = servicePortName,
        Labels = workload.Labels,
        Locality = workload.Locality,
        Weight = workload.Weight,
        Health = health,
        ServiceAccount = workload.ServiceAccount,
        WorkloadName = workload.Name,
        Namespace = workload.Namespace,
        IstioMutualTls = workload.Labels.TryGetValue(TlsModeLabel, out var mode) && mode == "istio",
    };

    /// <summary>Sorted by address, port and port name, so that equal inputs always give equal lists (and fingerprints).</summary>
    public static ImmutableArray<Endpoint> Sorted(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints
            .OrderBy(e => e.Address, StringComparer.Ordinal)
            .ThenBy(e => e.Port)
            .ThenBy(e => e.ServicePortName, StringComparer.Ordinal)
            .ThenBy(e => e.WorkloadName, StringComparer.Ordinal),
    ];

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
