namespace ControlPlane.Xds.Generation.Clusters;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;
using ControlPlane.Xds.Generation.Common;
using Envoy.Config.Core.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// Client TLS of an outbound cluster (<c>cluster_tls.go</c>: <c>buildUpstreamTLSSettings</c>,
/// <c>buildUpstreamClusterTLSContext</c>, <c>constructUpstreamTLS</c>), for what needs nothing from the control plane:
/// SIMPLE and MUTUAL with certificate files, which the sidecar's agent serves as <c>file-root:</c>/<c>file-cert:</c> SDS
/// secrets. <c>credentialName</c> (Kubernetes secrets over SDS), ISTIO_MUTUAL and auto mTLS need secret delivery or the
/// mesh CA and get no transport socket, as before. MeshConfig <c>tlsDefaults</c> and the ServiceEntry SAN fallback
/// (<see cref="ServiceAccountSans"/>) apply here too. Runs after the rest of the traffic policy: ALPN depends on HTTP/2.
/// </summary>
internal static class UpstreamTlsBuilder
{
    public const string TransportSocketName = "envoy.transport_sockets.tls";

    /// <summary>istiod's root for "verify against the system's trust store" when <c>caCertificates</c> is empty.</summary>
    public const string SystemRoots = "system";

    /// <summary>
    /// The TLS of one outbound cluster. MESH_EXTERNAL services keep the rule's files even when the proxy has metadata
    /// certificates; ServiceEntry hosts verify against <see cref="OutboundClusterInputs.FallbackSans"/> when the rule names no SANs.
    /// </summary>
    public static void Apply(ClusterDraft draft, ClientTlsSettings? tls, OutboundClusterInputs inputs)
    {
        var proxyFiles = inputs.TlsFiles;
        if (Effective(tls, proxyFiles, inputs.Service.Location == MeshLocation.External) is not { } settings
            || settings.Mode is not (ClientTlsMode.Simple or ClientTlsMode.Mutual)
            || settings.CredentialName.Length > 0)
        {
            return;
        }

        // A MUTUAL rule without files is rejected on input; istiod logs and leaves the cluster without TLS.
        var mutual = settings.Mode == ClientTlsMode.Mutual;
        if (mutual && (settings.ClientCertificate.Length == 0 || settings.PrivateKey.Length == 0))
        {
            return;
        }

        var sdsCluster = proxyFiles.FileCredentialSocket ? AgentSdsSecretConfig.FileSdsCluster : AgentSdsSecretConfig.SdsCluster;
        var context = Build(draft, settings, mutual, sdsCluster, inputs.FallbackSans ?? ServiceAccountSans.None);
        ApplyTlsDefaults(context.CommonTlsContext.TlsParams, inputs.Mesh.TlsDefaults);
        if (draft.HttpOptions?.ExplicitHttpConfig?.Http2ProtocolOptions is not null)
        {
            context.CommonTlsContext.AlpnProtocols.Add("h2");
        }

        draft.Cluster.TransportSocket = new TransportSocket { Name = TransportSocketName, TypedConfig = EnvoyProto.Pack(context) };
    }

    /// <summary>
    /// <c>buildUpstreamTLSSettings</c> for user TLS: a proxy with legacy metadata certificates uses them for MUTUAL (keeping
    /// the rule's SNI and SANs), except towards MESH_EXTERNAL services (<c>PREFER_DESTINATIONRULE_TLS_FOR_EXTERNAL_SERVICES</c>).
    /// </summary>
    private static ClientTlsSettings? Effective(ClientTlsSettings? tls, ProxyTlsFiles proxyFiles, bool meshExternal)
    {
        if (tls?.Mode != ClientTlsMode.Mutual || !proxyFiles.HasClientCertificates || meshExternal)
        {
            return tls;
        }

        return new ClientTlsSettings(ClientTlsMode.Mutual)
        {
            Sni = tls.Sni,
            SubjectAltNames = tls.SubjectAltNames,
            CaCertificates = proxyFiles.ClientRootCert,
            ClientCertificate = proxyFiles.ClientCertChain,
            PrivateKey = proxyFiles.ClientKey,
        };
    }

    /// <summary>
    /// <c>constructUpstreamTLS</c> for file certificates. Auto SNI/SAN validation looks at the rule's own SANs; only then do
    /// ServiceEntry hosts fall back to their service accounts, as in istiod.
    /// </summary>
    private static UpstreamTlsContext Build(ClusterDraft draft, ClientTlsSettings tls, bool mutual, string sdsCluster, ServiceAccountSans fallbackSans)
    {
        var common = new CommonTlsContext
        {
            // Envoy's client default maximum is TLS 1.2; istiod opens it to 1.3.
            TlsParams = new TlsParameters
            {
                TlsMaximumProtocolVersion = TlsParameters.Types.TlsProtocol.Tlsv13,
                TlsMinimumProtocolVersion = TlsParameters.Types.TlsProtocol.Tlsv12,
            },
        };
        var context = new UpstreamTlsContext { CommonTlsContext = common, Sni = tls.Sni };
        SetAutoSniAndSanValidation(draft, tls);
        if (tls.SubjectAltNames.IsEmpty && !fallbackSans.Values.IsEmpty)
        {
            tls = tls with { SubjectAltNames = fallbackSans.Values };
        }

        if (mutual)
        {
            common.TlsCertificateSdsSecretConfigs.Add(AgentSdsSecretConfig.For($"file-cert:{tls.ClientCertificate}~{tls.PrivateKey}", sdsCluster));
        }

        if (tls.InsecureSkipVerify)
        {
            // An empty validation context: the peer certificate is not verified at all.
            common.ValidationContext = new CertificateValidationContext();
        }
        else
        {
            var root = tls.CaCertificates.Length > 0 ? tls.CaCertificates : SystemRoots;
            common.CombinedValidationContext = new CommonTlsContext.Types.CombinedCertificateValidationContext
            {
                DefaultValidationContext = PeerCertificateValidation.For(tls.SubjectAltNames, tls.CaCrl),
                ValidationContextSdsSecretConfig = AgentSdsSecretConfig.For($"file-root:{root}", sdsCluster),
            };
        }

        return context;
    }

    /// <summary><c>applyTLSDefaults</c>: MeshConfig's curves and ciphers, for user-originated TLS only.</summary>
    private static void ApplyTlsDefaults(TlsParameters parameters, MeshTlsDefaults defaults)
    {
        parameters.EcdhCurves.AddRange(defaults.EcdhCurves);
        parameters.CipherSuites.AddRange(defaults.CipherSuites);
    }

    /// <summary>
    /// <c>setAutoSniAndAutoSanValidation</c>: without an explicit SNI Envoy takes it from the request's host, and then also
    /// verifies the certificate against that host unless SANs are given or verification is skipped.
    /// </summary>
    private static void SetAutoSniAndSanValidation(ClusterDraft draft, ClientTlsSettings tls)
    {
        if (tls.Sni.Length > 0)
        {
            return;
        }

        var upstream = draft.EnsureHttpOptions().UpstreamHttpProtocolOptions ??= new UpstreamHttpProtocolOptions();
        upstream.AutoSni = true;
        if (tls.SubjectAltNames.Length == 0 && !tls.InsecureSkipVerify)
        {
            upstream.AutoSanValidation = true;
        }
    }
}
