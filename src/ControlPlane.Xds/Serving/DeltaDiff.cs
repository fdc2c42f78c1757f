namespace ControlPlane.Xds.Serving;

using ControlPlane.Xds.Generation;

/// <summary>The resources to send (with their content hash as version) and the names to list as removed.</summary>
internal sealed record DeltaDiff(IReadOnlyList<(NamedResource Resource, string Version)> Changed, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Changed.Count == 0 && Removed.Count == 0;
}
