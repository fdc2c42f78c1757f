namespace ControlPlane.Xds.Tests.Generation.Tls;

using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation.Clusters;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// The node metadata istiod reads for SIMPLE/MUTUAL (<c>file-credential</c>, the legacy <c>TLS_CLIENT_*</c> files), and
/// that it is part of the cluster cache key exactly when it can change the output.
/// </summary>
public sealed class UpstreamTlsProxyTests
{
    private static readonly ClientTlsSettings Mutual = new(ClientTlsMode.Mutual)
    {
        ClientCertificate = "/rule/cert.pem",
        PrivateKey = "/rule/key.pem",
        CaCertificates = "/rule/ca.pem",
        Sni = "api.example.com",
        SubjectAltNames = ["api.example.com"],
    };

    private static readonly Dictionary<string, string> MetadataCerts = new()
    {
        ["TLS_CLIENT_CERT_CHAIN"] = "/meta/cert.pem",
        ["TLS_CLIENT_KEY"] = "/meta/key.pem",
        ["TLS_CLIENT_ROOT_CERT"] = "/meta/ca.pem",
    };

    [Fact]
    public void File_credential_metadata_moves_file_secrets_to_the_files_sds_cluster()
    {
        var mesh = Build(Rule(Mutual));
        var proxy = Client(mesh, metadata: new Dictionary<string, string> { ["file-credential"] = "true" });

        var common = TlsOf(Cluster(mesh, ClusterName(80), proxy))!.CommonTlsContext;

        UpstreamTlsContextTests.AssertAgentSecret(common.TlsCertificateSdsSecretConfigs[0], "file-cert:/rule/cert.pem~/rule/key.pem", "sds-files-grpc");
        UpstreamTlsContextTests.AssertAgentSecret(common.CombinedValidationContext.ValidationContextSdsSecretConfig, "file-root:/rule/ca.pem", "sds-files-grpc");
    }

    [Fact]
    public void Metadata_certificates_replace_the_files_of_a_mutual_rule_but_keep_its_sni_and_sans()
    {
        var mesh = Build(Rule(Mutual));

        var tls = TlsOf(Cluster(mesh, ClusterName(80), Client(mesh, metadata: MetadataCerts)))!;

        Assert.Equal("api.example.com", tls.Sni);
        Assert.Equal("file-cert:/meta/cert.pem~/meta/key.pem", tls.CommonTlsContext.TlsCertificateSdsSecretConfigs[0].Name);
        Assert.Equal("file-root:/meta/ca.pem", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
    }

    [Fact]
    public void Mesh_external_services_keep_the_rules_files_despite_metadata_certificates()
    {
        var mesh = Build(Rule(Mutual), external: true);

        var tls = TlsOf(Cluster(mesh, ClusterName(80), Client(mesh, metadata: MetadataCerts)))!;

        Assert.Equal("file-cert:/rule/cert.pem~/rule/key.pem", tls.CommonTlsContext.TlsCertificateSdsSecretConfigs[0].Name);
    }

    [Fact]
    public void Metadata_certificates_do_not_touch_simple_tls()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple) { CaCertificates = "/rule/ca.pem" }));

        var tls = TlsOf(Cluster(mesh, ClusterName(80), Client(mesh, metadata: MetadataCerts)))!;

        Assert.Empty(tls.CommonTlsContext.TlsCertificateSdsSecretConfigs);
        Assert.Equal("file-root:/rule/ca.pem", tls.CommonTlsContext.CombinedValidationContext.ValidationContextSdsSecretConfig.Name);
    }

    [Fact]
    public void Tls_metadata_enters_the_cache_key_only_when_the_rule_originates_tls()
    {
        var plainMesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Disable)));
        var simpleMesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple)));
        var mutualMesh = Build(Rule(Mutual));
        var metadata = new Dictionary<string, string>(MetadataCerts) { ["file-credential"] = "true" };

        Assert.Equal(default, InputsFor(plainMesh, metadata).TlsFiles);
        Assert.Equal(new ProxyTlsFiles(FileCredentialSocket: true), InputsFor(simpleMesh, metadata).TlsFiles);
        Assert.Equal(new ProxyTlsFiles(true, "/meta/cert.pem", "/meta/key.pem", "/meta/ca.pem"), InputsFor(mutualMesh, metadata).TlsFiles);
        Assert.Equal(InputsFor(mutualMesh, null), InputsFor(mutualMesh, new Dictionary<string, string> { ["OTHER"] = "x" }));
    }

    [Fact]
    public void Cached_clusters_equal_fresh_ones_for_proxies_with_different_tls_metadata()
    {
        var mesh = Build(Rule(Mutual, Subset("v1", new ClientTlsSettings(ClientTlsMode.Simple))));
        var proxies = new[]
        {
            Client(mesh, "10.1.0.1"),
            Client(mesh, "10.1.0.2", MetadataCerts),
            Client(mesh, "10.1.0.3", new Dictionary<string, string> { ["file-credential"] = "true" }),
            Client(mesh, "10.1.0.4"),
        };
        var cache = new SharedResourceCache();

        foreach (var proxy in proxies)
        {
            var fresh = EnvoySnapshots.ForSidecar(mesh.Push, proxy);
            var cached = EnvoySnapshots.ForSidecar(mesh.Push, proxy, cache);
            Assert.Empty(cached.Problems());
            Assert.Equal(fresh.Clusters.Select(c => c.Value.ToBase64()), cached.Clusters.Select(c => c.Value.ToBase64()));
        }
    }

    private static OutboundClusterInputs InputsFor(Testing.Mesh.BuiltMesh mesh, IReadOnlyDictionary<string, string>? metadata)
    {
        var proxy = Client(mesh, metadata: metadata);
        var context = Generate.Context(mesh, proxy);
        return OutboundClusterInputs.From(context, mesh.Push.Services.WithHost(Host).Single());
    }
}
