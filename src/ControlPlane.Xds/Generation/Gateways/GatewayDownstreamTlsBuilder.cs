namespace ControlPlane.Xds.Generation.Gateways;

using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Clusters;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// istiod's <c>buildGatewayListenerTLSContext</c> / <c>BuildListenerTLSContext</c> for SIMPLE, MUTUAL and OPTIONAL_MUTUAL
/// servers with certificate files (<c>ApplyToCommonTLSContext</c>): the gateway pod's own agent reads the files and serves
/// them over SDS as <c>file-cert:&lt;cert&gt;~&lt;key&gt;</c> (one per <c>tlsCertificates</c> pair) and
/// <c>file-root:&lt;ca&gt;</c>, so nothing comes from the control plane. ALPN <c>h2,http/1.1</c> on HTTPS and TLS servers
/// alike; client certificates required for MUTUAL, requested and verified when presented for OPTIONAL_MUTUAL; SANs and
/// CRL checked for both. <c>verifyCertificateSpki</c>/<c>Hash</c> are not applied (istiod uses them only with
/// <c>credentialName</c>). TLS parameters only when set: the mesh's <c>tlsDefaults</c> first, then the server's own
/// (<c>applyDownstreamTLSDefaults</c>, <c>applyServerTLSSettings</c>); istiod adds no version default of its own, Envoy's
/// downstream default being TLS 1.2 to 1.3.
/// </summary>
internal static class GatewayDownstreamTlsBuilder
{
    /// <summary>Node metadata with which pilot-agent serves file certificates on a separate SDS cluster (<c>CredentialFileMetaDataName</c>).</summary>
    public const string FileCredentialKey = "file-credential";

    /// <summary><c>util.ALPNHttp</c>.</summary>
    private static readonly string[] HttpAlpn = ["h2", "http/1.1"];

    public static DownstreamTlsContext Build(GatewayTlsSettings tls, Proxy proxy, MeshTlsDefaults meshDefaults)
    {
        var sdsCluster = proxy.Metadata.GetValueOrDefault(FileCredentialKey) == "true"
            ? AgentSdsSecretConfig.FileSdsCluster
            : AgentSdsSecretConfig.SdsCluster;
        var common = new CommonTlsContext();
        common.AlpnProtocols.AddRange(HttpAlpn);
        IEnumerable<GatewayTlsCertificate> pairs = tls.TlsCertificates.IsDefaultOrEmpty
            ? [new GatewayTlsCertificate(tls.ServerCertificate, tls.PrivateKey)]
            : tls.TlsCertificates;
        common.TlsCertificateSdsSecretConfigs.AddRange(pairs.Select(p =>
            AgentSdsSecretConfig.For($"file-cert:{p.ServerCertificate}~{p.PrivateKey}", sdsCluster)));

        if (tls.Mode is GatewayTlsMode.Mutual or GatewayTlsMode.OptionalMutual)
        {
            common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
            {
                DefaultValidationContext = PeerCertificateValidation.For(tls.SubjectAltNames, tls.CaCrl),
                ValidationContextSdsSecretConfig = AgentSdsSecretConfig.For($"file-root:{tls.CaCertificates}", sdsCluster),
            };
        }

        ApplyMeshDefaults(meshDefaults, common);
        ApplyTlsParameters(tls, common);
        return new DownstreamTlsContext
        {
            CommonTlsContext = common,
            RequireClientCertificate = tls.Mode == GatewayTlsMode.Mutual,
        };
    }

    /// <summary><c>applyDownstreamTLSDefaults</c>: mesh-wide curves and cipher suites, which the server's suites replace.</summary>
    private static void ApplyMeshDefaults(MeshTlsDefaults defaults, CommonTlsContext common)
    {
        if (!defaults.EcdhCurves.IsDefaultOrEmpty)
        {
            (common.TlsParams ??= new TlsParameters()).EcdhCurves.AddRange(defaults.EcdhCurves);
        }

        if (!defaults.CipherSuites.IsDefaultOrEmpty)
        {
            (common.TlsParams ??= new TlsParameters()).CipherSuites.AddRange(defaults.CipherSuites);
        }
    }

    /// <summary><c>applyServerTLSSettings</c>: each parameter only when the server sets it.</summary>
    private static void ApplyTlsParameters(GatewayTlsSettings tls, CommonTlsContext common)
    {
        if (tls.MinProtocolVersion != GatewayTlsProtocol.Auto)
        {
            (common.TlsParams ??= new TlsParameters()).TlsMinimumProtocolVersion = ToEnvoy(tls.MinProtocolVersion);
        }

        if (!tls.CipherSuites.IsDefaultOrEmpty)
        {
            var parameters = common.TlsParams ??= new TlsParameters();
            parameters.CipherSuites.Clear();
            parameters.CipherSuites.AddRange(tls.CipherSuites);
        }

        if (tls.MaxProtocolVersion != GatewayTlsProtocol.Auto)
        {
            (common.TlsParams ??= new TlsParameters()).TlsMaximumProtocolVersion = ToEnvoy(tls.MaxProtocolVersion);
        }
    }

    private static TlsParameters.Types.TlsProtocol ToEnvoy(GatewayTlsProtocol protocol) => protocol switch
    {
        GatewayTlsProtocol.Tls10 => TlsParameters.Types.TlsProtocol.Tlsv10,
        GatewayTlsProtocol.Tls11 => TlsParameters.Types.TlsProtocol.Tlsv11,
        GatewayTlsProtocol.Tls12 => TlsParameters.Types.TlsProtocol.Tlsv12,
        GatewayTlsProtocol.Tls13 => TlsParameters.Types.TlsProtocol.Tlsv13,
        _ => TlsParameters.Types.TlsProtocol.TlsAuto,
    };
}
