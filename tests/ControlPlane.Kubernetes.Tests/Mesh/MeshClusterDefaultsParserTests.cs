namespace ControlPlane.Kubernetes.Tests.Mesh;

using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;

/// <summary>
/// The MeshConfig fields istiod uses when it builds clusters: h2UpgradePolicy, inboundTrafficPolicy, tcpKeepalive and
/// tlsDefaults.
/// </summary>
public sealed class MeshClusterDefaultsParserTests
{
    [Fact]
    public void Upgrade_policy_keepalive_and_tls_defaults_are_read_without_warnings()
    {
        var result = MeshConfigParser.Parse(
            """
            h2UpgradePolicy: UPGRADE
            inboundTrafficPolicy: {mode: LOCALHOST}
            tcpKeepalive:
              probes: 5
              time: 2m
              interval: 30s
            tlsDefaults:
              ecdhCurves: [P-256, X25519]
              cipherSuites: [ECDHE-ECDSA-AES256-GCM-SHA384]
            """);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        var mesh = result.Mesh;
        Assert.Equal(H2UpgradePolicy.Upgrade, mesh.H2UpgradePolicy);
        Assert.Equal(InboundTrafficPolicyMode.Localhost, mesh.InboundTrafficPolicy);
        Assert.Equal(new TcpKeepaliveSettings { Probes = 5, Time = TimeSpan.FromMinutes(2), Interval = TimeSpan.FromSeconds(30) }, mesh.TcpKeepalive);
        Assert.Equal(["P-256", "X25519"], mesh.TlsDefaults.EcdhCurves.ToArray());
        Assert.Equal(["ECDHE-ECDSA-AES256-GCM-SHA384"], mesh.TlsDefaults.CipherSuites.ToArray());
    }

    [Fact]
    public void The_defaults_are_istiods_do_not_upgrade_no_keepalive_and_no_tls_overrides()
    {
        var mesh = MeshConfigParser.Parse("h2UpgradePolicy: DO_NOT_UPGRADE\n").Mesh;

        Assert.Equal(H2UpgradePolicy.DoNotUpgrade, mesh.H2UpgradePolicy);
        Assert.Equal(InboundTrafficPolicyMode.Passthrough, MeshConfigParser.Parse("inboundTrafficPolicy: {}\n").Mesh.InboundTrafficPolicy);
        Assert.Null(MeshConfig.Default.TcpKeepalive);
        Assert.Empty(MeshConfig.Default.TlsDefaults.CipherSuites);
    }

    [Fact]
    public void Tls_min_protocol_version_is_a_warning_since_it_only_governs_istio_mtls()
    {
        var result = MeshConfigParser.Parse("tlsDefaults: {minProtocolVersion: TLSV1_3, ecdhCurves: [P-256]}\n");

        Assert.Empty(result.Errors);
        Assert.StartsWith("tlsDefaults.minProtocolVersion:", Assert.Single(result.Warnings), StringComparison.Ordinal);
        Assert.Equal(["P-256"], result.Mesh.TlsDefaults.EcdhCurves.ToArray());
    }

    [Theory]
    [InlineData("h2UpgradePolicy: SOMETIMES", "h2UpgradePolicy")]
    [InlineData("inboundTrafficPolicy: {mode: REMOTE}", "inboundTrafficPolicy.mode")]
    [InlineData("tcpKeepalive: {probes: -1}", "tcpKeepalive.probes")]
    [InlineData("tcpKeepalive: {time: soon}", "tcpKeepalive.time")]
    [InlineData("tcpKeepalive: 10s", "tcpKeepalive")]
    [InlineData("tlsDefaults: {cipherSuites: AES}", "tlsDefaults.cipherSuites")]
    public void Wrong_values_are_errors_naming_the_field(string yaml, string field)
    {
        var result = MeshConfigParser.Parse(yaml);

        Assert.StartsWith(field, Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
