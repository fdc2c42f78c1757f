namespace ControlPlane.Xds.Tests.Generation.Tls;

using System.Collections.Immutable;
using ControlPlane.Model.Config;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Config.ServiceEntries;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using ControlPlane.Testing.Mesh;
using ControlPlane.Xds.Generation.Clusters;
using Envoy.Extensions.TransportSockets.Tls.V3;
using static ControlPlane.Xds.Tests.Generation.Tls.TlsMesh;

/// <summary>
/// What istiod's <c>constructUpstreamTLS</c> adds to SIMPLE/MUTUAL origination beyond the rule: MeshConfig
/// <c>tlsDefaults</c> (<c>applyTLSDefaults</c>) and, for ServiceEntry hosts whose rule names no SANs, the service
/// accounts (the entry's <c>subjectAltNames</c> and its endpoints' SPIFFE identities).
/// </summary>
public sealed class UpstreamTlsMeshAndServiceEntryTests
{
    private const string EntryHost = "api.partner.com";
    private static readonly string EntryCluster = $"outbound|443||{EntryHost}";

    [Fact]
    public void Mesh_tls_defaults_set_curves_and_ciphers_of_originated_tls()
    {
        var defaults = new MeshTlsDefaults { EcdhCurves = ["P-256"], CipherSuites = ["ECDHE-ECDSA-AES256-GCM-SHA384"] };
        var mesh = new MeshBuilder()
            .Mesh(m => m with { TlsDefaults = defaults })
            .Service("api", "shop", s => s.Port("http", 80, Protocol.Http))
            .Endpoint("api", "shop", "10.0.0.1")
            .Config(Rule(new ClientTlsSettings(ClientTlsMode.Simple)))
            .Build();

        var parameters = TlsOf(Cluster(mesh, ClusterName(80)))!.CommonTlsContext.TlsParams;

        Assert.Equal(["P-256"], parameters.EcdhCurves);
        Assert.Equal(["ECDHE-ECDSA-AES256-GCM-SHA384"], parameters.CipherSuites);
        Assert.Equal(TlsParameters.Types.TlsProtocol.Tlsv13, parameters.TlsMaximumProtocolVersion);
    }

    [Fact]
    public void Without_tls_defaults_the_parameters_keep_only_the_protocol_versions()
    {
        var parameters = TlsOf(Cluster(Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple))), ClusterName(80)))!.CommonTlsContext.TlsParams;

        Assert.Empty(parameters.EcdhCurves);
        Assert.Empty(parameters.CipherSuites);
    }

    [Fact]
    public void A_service_entry_host_without_rule_sans_verifies_its_entry_sans_and_endpoint_identities_sorted()
    {
        var mesh = EntryMesh(new ClientTlsSettings(ClientTlsMode.Simple), serviceAccount: "partner-gw");

        var tls = TlsOf(Cluster(mesh, EntryCluster))!;

        Assert.Equal(["api.partner.com", "spiffe://cluster.local/ns/egress/sa/partner-gw"], Sans(tls));

        // Auto SAN validation is decided on the rule's own (empty) SANs first, as istiod does.
        Assert.True(UpstreamHttpOptions(Cluster(mesh, EntryCluster))!.AutoSanValidation);
    }

    [Fact]
    public void Rule_sans_win_over_the_service_entrys()
    {
        var mesh = EntryMesh(new ClientTlsSettings(ClientTlsMode.Simple) { SubjectAltNames = ["rule.example"] }, serviceAccount: "partner-gw");

        Assert.Equal(["rule.example"], Sans(TlsOf(Cluster(mesh, EntryCluster))!));
    }

    [Fact]
    public void Kubernetes_services_never_fall_back_to_service_accounts()
    {
        Assert.Empty(Sans(TlsOf(Cluster(Build(Rule(new ClientTlsSettings(ClientTlsMode.Simple))), ClusterName(80)))!));
    }

    [Fact]
    public void The_fallback_sans_are_part_of_the_cache_key_by_value()
    {
        var mesh = EntryMesh(new ClientTlsSettings(ClientTlsMode.Simple), serviceAccount: "partner-gw");
        var service = mesh.Push.Services.WithHost(EntryHost).Single();
        var first = OutboundClusterInputs.From(Generate.Context(mesh, Client(mesh)), service);
        var second = OutboundClusterInputs.From(Generate.Context(mesh, Client(mesh, "10.1.0.2")), service);

        Assert.Equal(first, second);
        Assert.Equal(2, first.FallbackSans!.Values.Length);

        var plain = EntryMesh(new ClientTlsSettings(ClientTlsMode.Disable), serviceAccount: "partner-gw");
        var none = OutboundClusterInputs.From(Generate.Context(plain, Client(plain)), plain.Push.Services.WithHost(EntryHost).Single());
        Assert.Same(ServiceAccountSans.None, none.FallbackSans);
    }

    // istiod still writes the deprecated untyped matchers, so the tests read them.
#pragma warning disable CS0612, CS0618
    private static IEnumerable<string> Sans(UpstreamTlsContext tls) =>
        tls.CommonTlsContext.CombinedValidationContext.DefaultValidationContext.MatchSubjectAltNames.Select(m => m.Exact);
#pragma warning restore CS0612, CS0618

    /// <summary>A ServiceEntry host in namespace <c>egress</c> with one endpoint whose workload runs as <paramref name="serviceAccount"/>.</summary>
    private static BuiltMesh EntryMesh(ClientTlsSettings tls, string serviceAccount)
    {
        var entry = new ServiceEntry
        {
            Meta = new ConfigMeta { Name = "partner", Namespace = "egress" },
            Hosts = [EntryHost],
            SubjectAltNames = [EntryHost],
        };
        var rule = new DestinationRule
        {
            Meta = new ConfigMeta { Name = "partner", Namespace = "egress" },
            Host = EntryHost,
            TrafficPolicy = new TrafficPolicy { Tls = tls },
        };
        var built = new MeshBuilder()
            .Service("partner", "egress", s => s.Host(EntryHost).Port("https", 443, Protocol.Tls).Registry("ServiceEntry").External())
            .Service("api", "shop", s => s.Port("http", 80, Protocol.Http))
            .Config(entry, rule)
            .Build();
        var key = new ServiceKey(EntryHost, "egress");
        var endpoint = new Endpoint { Address = "10.2.0.9", Port = 443, ServicePortName = "https", ServiceAccount = serviceAccount, Namespace = "egress" };
        built.Store.Apply(MeshBuilder.Source, new MeshDelta { UpsertedEndpoints = [new ServiceEndpoints(key, ImmutableArray.Create(endpoint))] });
        return new BuiltMesh(built.Store, PushContextBuilder.Build(built.Store.Current));
    }
}
