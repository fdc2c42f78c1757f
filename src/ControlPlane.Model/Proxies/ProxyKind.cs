namespace ControlPlane.Model.Proxies;

/// <summary>Which family of generators serves the proxy.</summary>
public enum ProxyKind
{
    /// <summary>A stock Envoy (sidecar or gateway).</summary>
    Envoy,
    /// <summary>A proxyless gRPC client: node metadata <c>GENERATOR: grpc</c>.</summary>
    ProxylessGrpc,
}
