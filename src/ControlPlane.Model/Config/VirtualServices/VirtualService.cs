namespace ControlPlane.Model.Config.VirtualServices;

using System.Collections.Immutable;

/// <summary>networking.istio.io VirtualService (v1, v1beta1, v1alpha3 share this shape).</summary>
public sealed record VirtualService : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.VirtualService;

    public ImmutableArray<string> Hosts { get; init; } = [];

    /// <summary>Gateway names; empty means <c>mesh</c> (sidecars only).</summary>
    public ImmutableArray<string> Gateways { get; init; } = [];

    public ImmutableArray<HttpRoute> Http { get; init; } = [];

    public ImmutableArray<TcpRoute> Tcp { get; init; } = [];

    public ImmutableArray<TlsRoute> Tls { get; init; } = [];

    public ImmutableArray<string> ExportTo { get; init; } = [];
}
