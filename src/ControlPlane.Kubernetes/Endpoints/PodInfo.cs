namespace ControlPlane.Kubernetes.Endpoints;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>What endpoint building needs from a v1 Pod.</summary>
internal sealed record PodInfo(string Name, string Namespace)
{
    public FrozenDictionary<string, string> Labels { get; init; } = FrozenDictionary<string, string>.Empty;

    public string ServiceAccount { get; init; } = "";

    /// <summary><c>status.podIP</c>; empty while the pod has none.</summary>
    public string Ip { get; init; } = "";

    /// <summary><c>status.phase</c>; a pod written without one but with an IP counts as Running.</summary>
    public string Phase { get; init; } = "";

    public bool Ready { get; init; }

    /// <summary>Named container ports, for resolving a Service's named <c>targetPort</c>.</summary>
    public ImmutableArray<ContainerPort> Ports { get; init; } = [];

    public bool IsRunning => Phase == "Running" || (Phase.Length == 0 && Ip.Length > 0);
}
