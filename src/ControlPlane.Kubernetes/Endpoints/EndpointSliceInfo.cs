namespace ControlPlane.Kubernetes.Endpoints;

using System.Collections.Immutable;

/// <summary>A discovery.k8s.io/v1 EndpointSlice, reduced to what endpoint building reads.</summary>
internal sealed record EndpointSliceInfo(string Name, string Namespace, string ServiceName)
{
    public ImmutableArray<SlicePort> Ports { get; init; } = [];

    public ImmutableArray<SliceEndpoint> Endpoints { get; init; } = [];
}
