namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Proxies;

/// <summary>
/// What of the proxy's node metadata changes istiod's upstream TLS for SIMPLE and MUTUAL: whether its agent serves
/// file certificates on a separate SDS cluster (<c>file-credential</c>), and the legacy client certificate files
/// (<c>TLS_CLIENT_CERT_CHAIN</c>, <c>TLS_CLIENT_KEY</c>, <c>TLS_CLIENT_ROOT_CERT</c>) that replace a MUTUAL rule's files.
/// Part of <see cref="OutboundClusterInputs"/>, so it is read only when the rule has such TLS, keeping the cache shared.
/// </summary>
internal readonly record struct ProxyTlsFiles(
    bool FileCredentialSocket = false,
    string ClientCertChain = "",
    string ClientKey = "",
    string ClientRootCert = "")
{
    public const string FileCredentialKey = "file-credential";
    public const string ClientCertChainKey = "TLS_CLIENT_CERT_CHAIN";
    public const string ClientKeyKey = "TLS_CLIENT_KEY";
    public const string ClientRootCertKey = "TLS_CLIENT_ROOT_CERT";

    /// <summary>istiod keys "has metadata certs" on the certificate chain alone.</summary>
    public bool HasClientCertificates => ClientCertChain.Length > 0;

    public static ProxyTlsFiles From(Proxy proxy, DestinationRule? rule)
    {
        if (rule is null || !OriginatesUserTls(rule))
        {
            return default;
        }

        var metadata = proxy.Metadata;
        var mutual = TlsModesOf(rule).Contains(ClientTlsMode.Mutual);
        return new ProxyTlsFiles(
            metadata.GetValueOrDefault(FileCredentialKey) == "true",
            mutual ? metadata.GetValueOrDefault(ClientCertChainKey, "") : "",
            mutual ? metadata.GetValueOrDefault(ClientKeyKey, "") : "",
            mutual ? metadata.GetValueOrDefault(ClientRootCertKey, "") : "");
    }

    /// <summary>Whether any level of the rule originates SIMPLE or MUTUAL TLS.</summary>
    public static bool OriginatesUserTls(DestinationRule rule) =>
        TlsModesOf(rule).Any(mode => mode is ClientTlsMode.Simple or ClientTlsMode.Mutual);

    /// <summary>Every TLS mode the rule sets: top level, port level, subsets and their port levels.</summary>
    private static IEnumerable<ClientTlsMode> TlsModesOf(DestinationRule rule)
    {
        var policies = rule.Subsets.Select(s => s.TrafficPolicy).Prepend(rule.TrafficPolicy).OfType<TrafficPolicy>();
        foreach (var policy in policies)
        {
            if (policy.Tls is { } tls)
            {
                yield return tls.Mode;
            }

            foreach (var port in policy.PortLevelSettings)
            {
                if (port.Tls is { } portTls)
                {
                    yield return portTls.Mode;
                }
            }
        }
    }
}
