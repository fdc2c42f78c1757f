namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;

/// <summary>A VirtualService with its hosts and gateways resolved to FQDNs / <c>namespace/name</c> once, at index time.</summary>
public sealed record VirtualServiceEntry(
    VirtualService Config,
    ImmutableArray<string> Hosts,
    ImmutableArray<string> Gateways,
    Visibility ExportTo)
{
    /// <summary>The reserved gateway name meaning "every sidecar".</summary>
    public const string MeshGateway = "mesh";

    public bool AppliesToMesh => Gateways.Contains(MeshGateway);
}
