namespace ControlPlane.Model.Config.Gateways;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>networking.istio.io Gateway: listeners for gateway proxies selected by <see cref="Selector"/>.</summary>
public sealed record Gateway : IstioConfig
{
    public override ConfigKind Kind => ConfigKind.Gateway;

    public FrozenDictionary<string, string> Selector { get; init; } = FrozenDictionary<string, string>.Empty;

    public ImmutableArray<GatewayServer> Servers { get; init; } = [];
}
