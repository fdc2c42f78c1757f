namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.DestinationRules;

/// <summary>
/// DestinationRule <c>tls</c>: every field read, istiod's <c>ValidateTLS</c>, and warnings only for what is not applied
/// (ISTIO_MUTUAL and <c>credentialName</c>, which need the mesh CA or secret delivery).
/// </summary>
public sealed class ClientTlsConverterTests
{
    [Fact]
    public void Simple_and_mutual_with_files_are_read_without_warnings()
    {
        var result = Load("""
            trafficPolicy:
              tls:
                mode: SIMPLE
                sni: api.example.com
                subjectAltNames: [api.example.com]
                caCertificates: /etc/certs/ca.pem
                caCrl: /etc/certs/crl.pem
              portLevelSettings:
                - port: {number: 9443}
                  tls: {mode: MUTUAL, clientCertificate: /etc/certs/client.pem, privateKey: /etc/certs/client.key}
            subsets:
              - name: v1
                labels: {version: v1}
                trafficPolicy: {tls: {mode: SIMPLE, insecureSkipVerify: true}}
            """);

        result.AssertNoProblems();
        var rule = result.Config<DestinationRule>("api");
        var simple = rule.TrafficPolicy!.Tls!;
        Assert.Equal(
            (ClientTlsMode.Simple, "api.example.com", "/etc/certs/ca.pem", "/etc/certs/crl.pem", false),
            (simple.Mode, simple.Sni, simple.CaCertificates, simple.CaCrl, simple.InsecureSkipVerify));
        Assert.Equal(["api.example.com"], simple.SubjectAltNames.ToArray());
        var mutual = rule.TrafficPolicy.PortLevelSettings[0].Tls!;
        Assert.Equal((ClientTlsMode.Mutual, "/etc/certs/client.pem", "/etc/certs/client.key"), (mutual.Mode, mutual.ClientCertificate, mutual.PrivateKey));
        Assert.True(rule.FindSubset("v1")!.TrafficPolicy!.Tls!.InsecureSkipVerify);
    }

    [Fact]
    public void Istio_mutual_is_valid_but_warned_as_needing_the_mesh_ca()
    {
        var result = Load("trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}");

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings());
        Assert.Equal("spec.trafficPolicy.tls.mode", warning.Field);
        Assert.Contains("mesh CA, not supported yet", warning.Message, StringComparison.Ordinal);
        Assert.Equal(ClientTlsMode.IstioMutual, result.Config<DestinationRule>("api").TrafficPolicy!.Tls!.Mode);
    }

    [Theory]
    [InlineData("trafficPolicy: {tls: {mode: SIMPLE, credentialName: api-ca}}", "spec.trafficPolicy.tls.credentialName")]
    [InlineData("trafficPolicy: {portLevelSettings: [{port: {number: 80}, tls: {mode: MUTUAL, credentialName: api-cert}}]}", "spec.trafficPolicy.portLevelSettings[0].tls.credentialName")]
    [InlineData("subsets: [{name: v1, trafficPolicy: {tls: {mode: SIMPLE, credentialName: api-ca}}}]", "spec.subsets[0].trafficPolicy.tls.credentialName")]
    public void Credential_name_is_valid_but_warned_as_needing_secret_delivery(string body, string field)
    {
        var result = Load(body);

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings());
        Assert.Equal(field, warning.Field);
        Assert.Contains("credentialName needs secret delivery (SDS), not supported yet", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{mode: SIMPLE, insecureSkipVerify: true, caCertificates: /ca.pem}", "insecureSkipVerify", "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true")]
    [InlineData("{mode: SIMPLE, insecureSkipVerify: true, subjectAltNames: [a]}", "insecureSkipVerify", "cannot specify CaCertificates or CredentialName or SubjectAltNames")]
    [InlineData("{mode: MUTUAL, insecureSkipVerify: true, clientCertificate: /c, privateKey: /k, subjectAltNames: [a]}", "insecureSkipVerify", "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true")]
    [InlineData("{mode: SIMPLE, credentialName: api-ca, caCertificates: /ca.pem}", "credentialName", "cannot specify client certificates or CA certificate or CA CRL If credentialName is set")]
    [InlineData("{mode: MUTUAL, credentialName: api-cert, caCrl: /crl.pem}", "credentialName", "CA CRL If credentialName is set")]
    [InlineData("{mode: MUTUAL, clientCertificate: /c}", "privateKey", "private key required for mutual tls")]
    public void Invalid_settings_are_rejected_as_istiod_rejects_them(string tls, string field, string message)
    {
        var result = Load($"trafficPolicy: {{tls: {tls}}}");

        Assert.Empty(result.Delta.UpsertedConfigs);
        var error = Assert.Single(result.Errors());
        Assert.Equal($"spec.trafficPolicy.tls.{field}", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutual_without_files_or_credential_reports_both_missing_files()
    {
        var result = Load("trafficPolicy: {tls: {mode: MUTUAL}}");

        Assert.Equal(
            ["spec.trafficPolicy.tls.clientCertificate", "spec.trafficPolicy.tls.privateKey"],
            result.Errors().Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Insecure_skip_verify_with_mutual_may_still_name_a_credential()
    {
        // For MUTUAL the credential also carries the client certificate, so istiod allows it with insecureSkipVerify.
        var result = Load("trafficPolicy: {tls: {mode: MUTUAL, insecureSkipVerify: true, credentialName: api-cert}}");

        Assert.Empty(result.Errors());
    }

    private static YamlLoadResult Load(string body) => TestYaml.Load($"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {"{"}name: api{"}"}
        spec:
          host: api.default.svc.cluster.local
          {body.Replace("\n", "\n  ", StringComparison.Ordinal)}
        """);
}
