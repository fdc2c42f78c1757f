namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Proxyless;

/// <summary>
/// Picks the generator family by what the node says it is: proxyless gRPC (<c>GENERATOR: grpc</c>) or an Envoy sidecar.
/// Gateways (<c>router~</c>) have no generators yet: they get empty responses rather than sidecar configuration, which
/// would open sidecar listeners on a gateway.
/// </summary>
internal sealed class GeneratorSelector : IGeneratorSelector
{
    public IResourceGenerator? For(Proxy proxy, string typeUrl) => proxy switch
    {
        { Kind: ProxyKind.ProxylessGrpc } => ProxylessGenerators.Instance.For(typeUrl),
        { Type: ProxyType.Sidecar } => EnvoyGenerators.Default.ByTypeUrl.GetValueOrDefault(typeUrl),
        _ => null,
    };
}
