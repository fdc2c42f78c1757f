namespace ControlPlane.Xds.Tests.Generation.Tls;

using System.Collections.Frozen;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Testing.Xds;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// Which TLS settings a cluster gets (top level, <c>portLevelSettings</c>, subsets, with istiod's precedence), and the
/// modes left without a transport socket because they need secrets or certificates from the control plane.
/// </summary>
public sealed class UpstreamTlsLevelTests
{
    private static readonly ClientTlsSettings Simple = new(ClientTlsMode.Simple) { Sni = "top.example.com" };

    [Fact]
    public void Disable_and_no_tls_give_no_transport_socket()
    {
        var disabled = Build(Rule(new ClientTlsSettings(ClientTlsMode.Disable)));
        var none = Build(Rule((ClientTlsSettings?)null));

        Assert.Null(Cluster(disabled, ClusterName(80)).TransportSocket);
        Assert.Null(Cluster(none, ClusterName(80)).TransportSocket);
    }

    [Fact]
    public void Top_level_tls_applies_to_every_port_and_subset_without_their_own()
    {
        var mesh = Build(Rule(Simple, Subset("v1", null)));

        foreach (var name in new[] { ClusterName(80), ClusterName(81), ClusterName(90), ClusterName(80, "v1") })
        {
            Assert.Equal("top.example.com", TlsOf(Cluster(mesh, name))!.Sni);
        }
    }

    [Fact]
    public void Port_level_tls_replaces_the_top_level_on_its_port_only()
    {
        var mesh = Build(Rule(new TrafficPolicy
        {
            Tls = Simple,
            PortLevelSettings = [new PortTrafficPolicy(81) { Tls = new ClientTlsSettings(ClientTlsMode.Simple) { Sni = "port.example.com" } }],
        }));

        Assert.Equal("top.example.com", TlsOf(Cluster(mesh, ClusterName(80)))!.Sni);
        Assert.Equal("port.example.com", TlsOf(Cluster(mesh, ClusterName(81)))!.Sni);
    }

    [Fact]
    public void A_port_level_entry_without_tls_leaves_its_port_plaintext()
    {
        // portLevelSettings do not inherit from the top level.
        var mesh = Build(Rule(new TrafficPolicy
        {
            Tls = Simple,
            PortLevelSettings = [new PortTrafficPolicy(81) { ConnectionPool = new ConnectionPoolSettings { MaxConnections = 3 } }],
        }));

        Assert.Null(Cluster(mesh, ClusterName(81)).TransportSocket);
        Assert.NotNull(Cluster(mesh, ClusterName(80)).TransportSocket);
    }

    [Fact]
    public void Subset_tls_overrides_the_rule_for_its_cluster_only()
    {
        var mesh = Build(Rule(
            Simple,
            Subset("v1", new ClientTlsSettings(ClientTlsMode.Simple) { Sni = "v1.example.com" }),
            Subset("v2", new ClientTlsSettings(ClientTlsMode.Disable))));

        Assert.Equal("top.example.com", TlsOf(Cluster(mesh, ClusterName(80)))!.Sni);
        Assert.Equal("v1.example.com", TlsOf(Cluster(mesh, ClusterName(80, "v1")))!.Sni);
        Assert.Null(Cluster(mesh, ClusterName(80, "v2")).TransportSocket);
    }

    [Fact]
    public void Subset_port_level_tls_wins_over_the_subset_and_the_rule()
    {
        var subset = new Subset("v1", new Dictionary<string, string> { ["version"] = "v1" }.ToFrozenDictionary(), new TrafficPolicy
        {
            Tls = new ClientTlsSettings(ClientTlsMode.Simple) { Sni = "v1.example.com" },
            PortLevelSettings = [new PortTrafficPolicy(81) { Tls = new ClientTlsSettings(ClientTlsMode.Simple) { Sni = "v1-81.example.com" } }],
        });
        var mesh = Build(Rule(Simple, subset));

        Assert.Equal("v1.example.com", TlsOf(Cluster(mesh, ClusterName(80, "v1")))!.Sni);
        Assert.Equal("v1-81.example.com", TlsOf(Cluster(mesh, ClusterName(81, "v1")))!.Sni);
    }

    [Theory]
    [InlineData(ClientTlsMode.Simple)]
    [InlineData(ClientTlsMode.Mutual)]
    public void Credential_name_needs_secret_delivery_and_is_left_out(ClientTlsMode mode)
    {
        var mesh = Build(Rule(new ClientTlsSettings(mode) { CredentialName = "api-credential" }));

        var cluster = Cluster(mesh, ClusterName(80));

        Assert.Null(cluster.TransportSocket);
        Assert.Null(UpstreamHttpOptions(cluster));

        // istiod's metadata still says the user chose TLS.
        Assert.Equal("false", cluster.Metadata.FilterMetadata["istio"].Fields["alpn_override"].StringValue);
    }

    [Fact]
    public void Istio_mutual_needs_the_mesh_ca_and_is_left_out()
    {
        var mesh = Build(Rule(new ClientTlsSettings(ClientTlsMode.IstioMutual)));

        var cluster = Cluster(mesh, ClusterName(80));

        Assert.Null(cluster.TransportSocket);
        Assert.Empty(cluster.TransportSocketMatches);
    }

    [Fact]
    public void Snapshots_with_every_mode_are_consistent()
    {
        var mesh = Build(Rule(
            new TrafficPolicy
            {
                Tls = new ClientTlsSettings(ClientTlsMode.Simple) { CaCertificates = "/ca.pem", SubjectAltNames = ["api"] },
                PortLevelSettings = [new PortTrafficPolicy(81) { Tls = new ClientTlsSettings(ClientTlsMode.Mutual) { ClientCertificate = "/c", PrivateKey = "/k" } }],
            },
            Subset("v1", new ClientTlsSettings(ClientTlsMode.Simple) { InsecureSkipVerify = true }),
            Subset("v2", new ClientTlsSettings(ClientTlsMode.IstioMutual))));

        var snapshot = EnvoySnapshots.ForSidecar(mesh.Push, Client(mesh));

        Assert.Empty(snapshot.Problems());
    }
}
