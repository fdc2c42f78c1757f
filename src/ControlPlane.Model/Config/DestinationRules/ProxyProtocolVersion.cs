namespace ControlPlane.Model.Config.DestinationRules;

/// <summary><c>trafficPolicy.proxyProtocol.version</c>; the values are Envoy's <c>ProxyProtocolConfig.Version</c> numbers.</summary>
public enum ProxyProtocolVersion
{
    V1 = 0,
    V2 = 1,
}
