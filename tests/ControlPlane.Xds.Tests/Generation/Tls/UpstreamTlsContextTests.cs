namespace ControlPlane.Xds.Tests.Generation.Tls;

using ControlPlane.Model.Config.DestinationRules;
using Envoy.Extensions.TransportSockets.Tls.V3;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// The <c>UpstreamTlsContext</c> of SIMPLE and MUTUAL with certificate files, field by field as istiod's
/// <c>constructUpstreamTLS</c> writes it for a sidecar.
/// </summary>
public sealed class UpstreamTlsContextTests
{
    [Fact]
    public void Simple_with_sni_sans_ca_and_crl_verifies_against_the_agent_served_root()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple)
        {
            Sni = "api.example.com",
            SubjectAltNames = ["api.example.com", "spiffe://cluster.local/ns/shop/sa/api"],
            CaCertificates = "/etc/certs/ca.pem",
            CaCrl = "/etc/certs/crl.pem",
        }));

        var cluster = Cluster(mesh, ClusterName(80));

        Assert.Equal("envoy.transport_sockets.tls", cluster.TransportSocket.Name);
        var tls = TlsOf(cluster)!;
        Assert.Equal("api.example.com", tls.Sni);
        var common = tls.CommonTlsContext;
        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv12, common.TlsParams.TlsMinimumProtocolVersion);
        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv13, common.TlsParams.TlsMaximumProtocolVersion);
        Assert.Empty(common.TlsCertificateSdsSecretConfigs);
        Assert.Empty(common.AlpnProtocols);
        var combined = common.CombinedValidationContext;
#pragma warning disable CS0612, CS0618
        Assert.Equal(["api.example.com", "spiffe://cluster.local/ns/shop/sa/api"], combined.DefaultValidationContext.MatchSubjectAltNames.Select(m => m.Exact));
#pragma warning restore CS0612, CS0618
        Assert.Equal("/etc/certs/crl.pem", combined.DefaultValidationContext.Crl.Filename);
        AssertAgentSecret(combined.ValidationContextSdsSecretConfig, "file-root:/etc/certs/ca.pem", "sds-grpc");

        // An explicit SNI turns Envoy's automatic SNI and SAN checks off, so no upstream HTTP options are needed.
        Assert.Null(UpstreamHttpOptions(cluster));
    }

    [Fact]
    public void Simple_without_ca_uses_the_system_roots_and_automatic_sni_and_san_validation()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple)));

        var cluster = Cluster(mesh, ClusterName(80));

        var tls = TlsOf(cluster)!;
        Assert.Equal("", tls.Sni);
        var combined = tls.CommonTlsContext.CombinedValidationContext;
        AssertAgentSecret(combined.ValidationContextSdsSecretConfig, "file-root:system", "sds-grpc");
#pragma warning disable CS0612, CS0618
        Assert.Empty(combined.DefaultValidationContext.MatchSubjectAltNames);
#pragma warning restore CS0612, CS0618
        Assert.Null(combined.DefaultValidationContext.Crl);
        var upstream = UpstreamHttpOptions(cluster)!;
        Assert.True(upstream.AutoSni);
        Assert.True(upstream.AutoSanValidation);
    }

    [Fact]
    public void Sans_without_sni_keep_auto_sni_but_not_auto_san_validation()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple) { SubjectAltNames = ["api.example.com"] }));

        var upstream = UpstreamHttpOptions(Cluster(mesh, ClusterName(80)))!;

        Assert.True(upstream.AutoSni);
        Assert.False(upstream.AutoSanValidation);
    }

    [Fact]
    public void Insecure_skip_verify_gets_an_empty_validation_context_and_no_root_secret()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple) { InsecureSkipVerify = true }));

        var cluster = Cluster(mesh, ClusterName(80));

        var common = TlsOf(cluster)!.CommonTlsContext;
        Assert.Equal(CommonTlsContext.ValidationContextTypeOneofCase.ValidationContext, common.ValidationContextTypeCase);
        Assert.Equal(new CertificateValidationContext(), common.ValidationContext);
        var upstream = UpstreamHttpOptions(cluster)!;
        Assert.True(upstream.AutoSni);
        Assert.False(upstream.AutoSanValidation);
    }

    [Fact]
    public void Mutual_with_files_presents_the_agent_served_certificate()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Mutual)
        {
            ClientCertificate = "/etc/certs/client.pem",
            PrivateKey = "/etc/certs/client.key",
            CaCertificates = "/etc/certs/ca.pem",
            Sni = "api.example.com",
        }));

        var common = TlsOf(Cluster(mesh, ClusterName(80)))!.CommonTlsContext;

        var certificate = Assert.Single(common.TlsCertificateSdsSecretConfigs);
        AssertAgentSecret(certificate, "file-cert:/etc/certs/client.pem~/etc/certs/client.key", "sds-grpc");
        AssertAgentSecret(common.CombinedValidationContext.ValidationContextSdsSecretConfig, "file-root:/etc/certs/ca.pem", "sds-grpc");
    }

    [Fact]
    public void Mutual_with_insecure_skip_verify_presents_a_certificate_without_verifying_the_server()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Mutual)
        {
            ClientCertificate = "/c.pem",
            PrivateKey = "/k.pem",
            InsecureSkipVerify = true,
        }));

        var common = TlsOf(Cluster(mesh, ClusterName(80)))!.CommonTlsContext;

        Assert.Equal("file-cert:/c.pem~/k.pem", Assert.Single(common.TlsCertificateSdsSecretConfigs).Name);
        Assert.Equal(CommonTlsContext.ValidationContextTypeOneofCase.ValidationContext, common.ValidationContextTypeCase);
    }

    [Fact]
    public void Http2_clusters_advertise_h2_over_alpn()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple)));

        Assert.Equal(["h2"], TlsOf(Cluster(mesh, ClusterName(90)))!.CommonTlsContext.AlpnProtocols);
        Assert.Empty(TlsOf(Cluster(mesh, ClusterName(80)))!.CommonTlsContext.AlpnProtocols);
    }

    [Fact]
    public void An_h2_upgrade_by_the_rule_also_advertises_h2()
    {
        var mesh = Build(Rule(new TrafficPolicy
        {
            Tls = new ClientTlsSettings(ClientTlsMode.Simple),
            ConnectionPool = new ConnectionPoolSettings { H2UpgradePolicy = H2UpgradePolicy.Upgrade },
        }));

        Assert.Equal(["h2"], TlsOf(Cluster(mesh, ClusterName(80)))!.CommonTlsContext.AlpnProtocols);
    }

    internal static void AssertAgentSecret(SdsSecretConfig secret, string name, string cluster)
    {
        Assert.Equal(name, secret.Name);
        var source = secret.SdsConfig.ApiConfigSource;
        Assert.Equal(Envoy.Config.Core.V3.ApiConfigSource.Types.ApiType.Grpc, source.ApiType);
        Assert.True(source.SetNodeOnFirstMessageOnly);
        Assert.Equal(Envoy.Config.Core.V3.ApiVersion.V3, source.TransportApiVersion);
        Assert.Equal(cluster, Assert.Single(source.GrpcServices).EnvoyGrpc.ClusterName);
        Assert.Equal(Envoy.Config.Core.V3.ApiVersion.V3, secret.SdsConfig.ResourceApiVersion);
        Assert.Null(secret.SdsConfig.InitialFetchTimeout);
    }
}
