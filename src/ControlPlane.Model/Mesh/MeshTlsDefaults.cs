namespace ControlPlane.Model.Mesh;

using System.Collections.Immutable;

/// <summary>
/// MeshConfig <c>tlsDefaults</c> as istiod's <c>applyTLSDefaults</c> uses them: the ECDH curves and cipher suites of
/// user-originated (SIMPLE, MUTUAL) upstream TLS. Empty lists keep Envoy's defaults.
/// </summary>
public sealed record MeshTlsDefaults
{
    public static readonly MeshTlsDefaults None = new();

    public ImmutableArray<string> EcdhCurves { get; init; } = [];

    public ImmutableArray<string> CipherSuites { get; init; } = [];
}
