namespace ControlPlane.Model.Indexes;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Services;

/// <summary>
/// A VirtualService as served, with its hosts and gateways resolved to FQDNs / <c>namespace/name</c> once, at index time.
/// For a root, <see cref="Config"/> already has the delegates' rules merged in (its key stays the root's).
/// </summary>
public sealed record VirtualServiceEntry(
    VirtualService Config,
    ImmutableArray<string> Hosts,
    ImmutableArray<string> Gateways,
    Visibility ExportTo)
{
    /// <summary>The reserved gateway name meaning "every sidecar".</summary>
    public const string MeshGateway = "mesh";

    public bool AppliesToMesh => Gateways.Contains(MeshGateway);

    /// <summary>The delegate VirtualServices this root names, whether or not they exist: a change to any of them changes it.</summary>
    public ImmutableArray<ConfigKey> Delegates { get; init; } = [];
}
