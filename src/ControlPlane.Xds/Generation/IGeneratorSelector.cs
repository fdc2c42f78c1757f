namespace ControlPlane.Xds.Generation;

using ControlPlane.Model.Proxies;

/// <summary>Chooses the generator for a proxy and type: Envoy sidecars, gateways and proxyless gRPC differ. Null = unsupported type.</summary>
internal interface IGeneratorSelector
{
    IResourceGenerator? For(Proxy proxy, string typeUrl);
}
