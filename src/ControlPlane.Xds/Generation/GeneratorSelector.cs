namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Gateways;
using ControlPlane.Xds.Generation.Proxyless;

/// <summary>
/// Picks the generator family by what the node says it is: proxyless gRPC (<c>GENERATOR: grpc</c>), an Envoy sidecar, or
/// an Envoy gateway (<c>router~</c>), which gets the listeners of the Gateways selecting it rather than sidecar ones.
/// </summary>
internal sealed class GeneratorSelector : IGeneratorSelector
{
    private readonly GatewayGenerators gateways;

    /// <summary>Gateway servers that cannot be served are only collected, not logged (tests, tools).</summary>
    public GeneratorSelector()
        : this(GatewayServerReport.Silent())
    {
    }

    /// <param name="gatewayReport">Where gateway servers that cannot be served are logged and listed (<c>/debug/configz</c>).</param>
    public GeneratorSelector(GatewayServerReport gatewayReport)
    {
        gateways = new GatewayGenerators(gatewayReport);
    }

    public IResourceGenerator? For(Proxy proxy, string typeUrl) => proxy switch
    {
        { Kind: ProxyKind.ProxylessGrpc } => ProxylessGenerators.Instance.For(typeUrl),
        { Type: ProxyType.Sidecar } => EnvoyGenerators.Default.ByTypeUrl.GetValueOrDefault(typeUrl),
        { Type: ProxyType.Router } => gateways.ByTypeUrl.GetValueOrDefault(typeUrl),
        _ => null,
    };
}
