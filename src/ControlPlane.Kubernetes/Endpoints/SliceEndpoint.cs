namespace ControlPlane.Kubernetes.Endpoints;

using System.Collections.Immutable;

/// <summary>
/// An EndpointSlice endpoint. Absent conditions are null: Kubernetes treats an unknown <c>ready</c> as ready.
/// </summary>
internal sealed record SliceEndpoint(ImmutableArray<string> Addresses)
{
    public bool? Ready { get; init; }

    public bool? Terminating { get; init; }

    /// <summary>The pod behind the address (<c>targetRef</c> of kind Pod), if any.</summary>
    public string PodName { get; init; } = "";

    public string PodNamespace { get; init; } = "";

    public string Zone { get; init; } = "";
}
