namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Collections.Frozen;
using ControlPlane.Model.Config.Gateways;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Proxies;
using ControlPlane.Xds.Generation.Gateways;
using Envoy.Extensions.TransportSockets.Tls.V3;

/// <summary>
/// The DownstreamTlsContext of a gateway server with certificate files, as istiod's <c>BuildListenerTLSContext</c> and
/// <c>ApplyToCommonTLSContext</c> build it (compare <c>TestBuildGatewayListenerTlsContext</c> in istiod).
/// </summary>
public sealed class GatewayDownstreamTlsBuilderTests
{
    private static readonly Proxy Gateway = GatewayProxies.Router("ingress-0", "istio-system", "10.0.0.2", new Dictionary<string, string>());

    [Fact]
    public void Simple_serves_the_file_certificate_from_the_agent_and_asks_no_client_certificate()
    {
        var context = GatewayDownstreamTlsBuilder.Build(Files(GatewayTlsMode.Simple), Gateway, MeshTlsDefaults.None);

        Assert.Equal(["h2", "http/1.1"], context.CommonTlsContext.AlpnProtocols);
        var secret = Assert.Single(context.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Equal("file-cert:/certs/tls.crt~/certs/tls.key", secret.Name);
        Assert.Equal("sds-grpc", Assert.Single(secret.SdsConfig.ApiConfigSource.GrpcServices).EnvoyGrpc.ClusterName);
        Assert.Null(secret.SdsConfig.InitialFetchTimeout);
        Assert.Null(context.CommonTlsContext.CombinedValidationContext);
        Assert.Null(context.CommonTlsContext.TlsParams);
        Assert.False(context.RequireClientCertificate);
    }

    [Fact]
    public void Mutual_requires_a_client_certificate_verified_against_the_file_root_with_sans_and_crl()
    {
        var tls = Files(GatewayTlsMode.Mutual) with { SubjectAltNames = ["a.example.com", "spiffe://td/ns/x/sa/y"], CaCrl = "/certs/ca.crl" };

        var context = GatewayDownstreamTlsBuilder.Build(tls, Gateway, MeshTlsDefaults.None);

        Assert.True(context.RequireClientCertificate);
        var validation = context.CommonTlsContext.CombinedValidationContext;
        Assert.Equal("file-root:/certs/ca.crt", validation.ValidationContextSdsSecretConfig.Name);
#pragma warning disable CS0612, CS0618
        Assert.Equal(["a.example.com", "spiffe://td/ns/x/sa/y"], validation.DefaultValidationContext.MatchSubjectAltNames.Select(m => m.Exact));
#pragma warning restore CS0612, CS0618
        Assert.Equal("/certs/ca.crl", validation.DefaultValidationContext.Crl.Filename);
    }

    [Fact]
    public void Optional_mutual_verifies_a_client_certificate_when_one_is_presented_but_does_not_require_it()
    {
        var context = GatewayDownstreamTlsBuilder.Build(Files(GatewayTlsMode.OptionalMutual), Gateway, MeshTlsDefaults.None);

        Assert.False(context.RequireClientCertificate);
        Assert.Equal("file-root:/certs/ca.crt", context.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
    }

    [Fact]
    public void Spki_and_hash_pins_are_not_applied_with_certificate_files_as_in_istiod()
    {
        var tls = Files(GatewayTlsMode.Mutual) with { VerifyCertificateSpki = ["spki"], VerifyCertificateHash = ["hash"] };

        var validation = GatewayDownstreamTlsBuilder.Build(tls, Gateway, MeshTlsDefaults.None).CommonTlsContext.CombinedValidationContext.DefaultValidationContext;

        Assert.Empty(validation.VerifyCertificateSpki);
        Assert.Empty(validation.VerifyCertificateHash);
    }

    [Fact]
    public void Each_tls_certificates_pair_becomes_one_secret_in_order()
    {
        var tls = new GatewayTlsSettings(GatewayTlsMode.Simple)
        {
            TlsCertificates = [new("/rsa.crt", "/rsa.key"), new("/ec.crt", "/ec.key")],
        };

        var secrets = GatewayDownstreamTlsBuilder.Build(tls, Gateway, MeshTlsDefaults.None).CommonTlsContext.TlsCertificateSdsSecretConfigs;

        Assert.Equal(["file-cert:/rsa.crt~/rsa.key", "file-cert:/ec.crt~/ec.key"], secrets.Select(s => s.Name));
    }

    [Fact]
    public void Protocol_versions_and_cipher_suites_are_set_only_when_given()
    {
        var tls = Files(GatewayTlsMode.Simple) with
        {
            MinProtocolVersion = GatewayTlsProtocol.Tls12,
            MaxProtocolVersion = GatewayTlsProtocol.Tls13,
            CipherSuites = ["ECDHE-RSA-AES128-GCM-SHA256"],
        };

        var parameters = GatewayDownstreamTlsBuilder.Build(tls, Gateway, MeshTlsDefaults.None).CommonTlsContext.TlsParams;

        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv12, parameters.TlsMinimumProtocolVersion);
        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv13, parameters.TlsMaximumProtocolVersion);
        Assert.Equal(["ECDHE-RSA-AES128-GCM-SHA256"], parameters.CipherSuites);
    }

    [Fact]
    public void Mesh_tls_defaults_apply_first_and_the_server_cipher_suites_replace_the_mesh_ones()
    {
        var mesh = new MeshTlsDefaults { EcdhCurves = ["P-256"], CipherSuites = ["AES128-SHA"] };

        var meshOnly = GatewayDownstreamTlsBuilder.Build(Files(GatewayTlsMode.Simple), Gateway, mesh).CommonTlsContext.TlsParams;
        var both = GatewayDownstreamTlsBuilder.Build(Files(GatewayTlsMode.Simple) with { CipherSuites = ["AES256-SHA"] }, Gateway, mesh).CommonTlsContext.TlsParams;

        Assert.Equal(["P-256"], meshOnly.EcdhCurves);
        Assert.Equal(["AES128-SHA"], meshOnly.CipherSuites);
        Assert.Equal(["P-256"], both.EcdhCurves);
        Assert.Equal(["AES256-SHA"], both.CipherSuites);
    }

    [Fact]
    public void A_proxy_whose_agent_serves_file_credentials_separately_gets_them_from_sds_files_grpc()
    {
        var proxy = Gateway with
        {
            Metadata = new Dictionary<string, string> { ["file-credential"] = "true" }.ToFrozenDictionary(StringComparer.Ordinal),
        };

        var context = GatewayDownstreamTlsBuilder.Build(Files(GatewayTlsMode.Mutual), proxy, MeshTlsDefaults.None);

        Assert.Equal("sds-files-grpc", context.CommonTlsContext.TlsCertificateSdsSecretConfigs[0].SdsConfig.ApiConfigSource.GrpcServices[0].EnvoyGrpc.ClusterName);
        Assert.Equal("sds-files-grpc", context.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.SdsConfig.ApiConfigSource.GrpcServices[0].EnvoyGrpc.ClusterName);
    }

    private static GatewayTlsSettings Files(GatewayTlsMode mode) => new(mode)
    {
        ServerCertificate = "/certs/tls.crt",
        PrivateKey = "/certs/tls.key",
        CaCertificates = mode == GatewayTlsMode.Simple ? "" : "/certs/ca.crt",
    };
}
