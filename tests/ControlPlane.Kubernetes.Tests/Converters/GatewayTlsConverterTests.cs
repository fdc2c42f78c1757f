namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.Gateways;

/// <summary>
/// Gateway <c>servers[].tls</c>: every ServerTLSSettings field is read, checked as istiod's <c>validateTLSOptions</c>
/// checks it, and warned about where istiod ignores it or where this control plane serves less.
/// </summary>
public sealed class GatewayTlsConverterTests
{
    [Fact]
    public void Certificate_files_and_tls_parameters_are_read_into_the_model()
    {
        var result = Load("""
            {port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.example.com], tls: {mode: MUTUAL,
              serverCertificate: /c.pem, privateKey: /k.pem, caCertificates: /ca.pem, caCrl: /crl.pem,
              subjectAltNames: [client.example.com], minProtocolVersion: TLSV1_2, maxProtocolVersion: TLSV1_3,
              cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256]}}
            """);

        result.AssertNoProblems();
        var tls = result.Config<Gateway>("gw").Servers[0].Tls!;
        Assert.Equal(GatewayTlsMode.Mutual, tls.Mode);
        Assert.Equal(("/c.pem", "/k.pem", "/ca.pem", "/crl.pem"), (tls.ServerCertificate, tls.PrivateKey, tls.CaCertificates, tls.CaCrl));
        Assert.Equal(["client.example.com"], tls.SubjectAltNames.ToArray());
        Assert.Equal((GatewayTlsProtocol.Tls12, GatewayTlsProtocol.Tls13), (tls.MinProtocolVersion, tls.MaxProtocolVersion));
        Assert.Equal(["ECDHE-RSA-AES128-GCM-SHA256"], tls.CipherSuites.ToArray());
        Assert.False(tls.UsesCredential);
    }

    [Fact]
    public void Several_certificate_pairs_are_read_in_order()
    {
        var result = Load("""
            {port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, tlsCertificates: [
              {serverCertificate: /rsa.crt, privateKey: /rsa.key}, {serverCertificate: /ec.crt, privateKey: /ec.key}]}}
            """);

        result.AssertNoProblems();
        var tls = result.Config<Gateway>("gw").Servers[0].Tls!;
        Assert.Equal([new GatewayTlsCertificate("/rsa.crt", "/rsa.key"), new GatewayTlsCertificate("/ec.crt", "/ec.key")], tls.TlsCertificates.ToArray());
    }

    [Theory]
    [InlineData("{mode: SIMPLE, privateKey: /k}", "spec.servers[0].tls.serverCertificate", "SIMPLE TLS requires a server certificate")]
    [InlineData("{mode: SIMPLE, serverCertificate: /c}", "spec.servers[0].tls.privateKey", "SIMPLE TLS requires a private key")]
    [InlineData("{mode: MUTUAL, serverCertificate: /c, privateKey: /k}", "spec.servers[0].tls.caCertificates", "MUTUAL TLS requires a client CA bundle")]
    [InlineData("{mode: OPTIONAL_MUTUAL, serverCertificate: /c, privateKey: /k}", "spec.servers[0].tls.caCertificates", "MUTUAL TLS requires a client CA bundle")]
    [InlineData("{mode: SIMPLE, tlsCertificates: [{serverCertificate: /a, privateKey: /b}, {serverCertificate: /c}]}", "spec.servers[0].tls.tlsCertificates[1].privateKey", "SIMPLE TLS requires a private key")]
    [InlineData("{mode: ISTIO_MUTUAL, serverCertificate: /c}", "spec.servers[0].tls.serverCertificate", "ISTIO_MUTUAL TLS cannot have associated server certificate")]
    [InlineData("{mode: ISTIO_MUTUAL, credentialName: cert}", "spec.servers[0].tls.credentialName", "ISTIO_MUTUAL TLS cannot have associated credentialName")]
    [InlineData("{mode: SIMPLE, credentialName: cert, serverCertificate: /c, privateKey: /k}", "spec.servers[0].tls", "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates")]
    [InlineData("{mode: SIMPLE, serverCertificate: /c, privateKey: /k, caCrl: /crl}", "spec.servers[0].tls.caCrl", "CRL is not supported with SIMPLE TLS")]
    [InlineData("{mode: SIMPLE, minProtocolVersion: TLSV1_4, serverCertificate: /c, privateKey: /k}", "spec.servers[0].tls.minProtocolVersion", "not one of")]
    public void Invalid_tls_settings_are_rejected_as_istiod_rejects_them(string tls, string field, string message)
    {
        var result = Load($"{{port: {{number: 443, name: https, protocol: HTTPS}}, hosts: [\"*\"], tls: {tls}}}");

        var error = Assert.Single(result.Errors(), e => e.Field == field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Fact]
    public void Invalid_and_repeated_cipher_suites_are_dropped_with_warnings()
    {
        var result = Load("""
            {port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, serverCertificate: /c,
              privateKey: /k, cipherSuites: [AES128-SHA, NOT-A-CIPHER, AES128-SHA, "-DES-CBC3-SHA"]}}
            """);

        Assert.Empty(result.Errors());
        var warnings = result.Warnings().Where(w => w.Field == "spec.servers[0].tls.cipherSuites").Select(w => w.Message).ToList();
        Assert.Contains(warnings, m => m.Contains("ignoring invalid cipher suites: [NOT-A-CIPHER]", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Contains("ignoring duplicate cipher suites: [AES128-SHA]", StringComparison.Ordinal));
        Assert.Equal(["AES128-SHA", "-DES-CBC3-SHA"], result.Config<Gateway>("gw").Servers[0].Tls!.CipherSuites.ToArray());
    }

    [Theory]
    [InlineData("{mode: SIMPLE, serverCertificate: /c, privateKey: /k, minProtocolVersion: TLSV1_1}", "minProtocolVersion", "TLS version below TLSV1_2 require setting compatible ciphers")]
    [InlineData("{mode: PASSTHROUGH, serverCertificate: /c}", "mode", "PASSTHROUGH mode does not use certificates, they will be ignored")]
    [InlineData("{mode: MUTUAL, serverCertificate: /c, privateKey: /k, caCertificates: /ca, verifyCertificateSpki: [abc]}", "verifyCertificateSpki", "ignored with certificate files")]
    [InlineData("{mode: MUTUAL, serverCertificate: /c, privateKey: /k, caCertificates: /ca, verifyCertificateHash: [abc]}", "verifyCertificateHash", "ignored with certificate files")]
    [InlineData("{mode: SIMPLE, serverCertificate: /c, privateKey: /k, subjectAltNames: [a]}", "subjectAltNames", "no effect in SIMPLE mode")]
    [InlineData("{mode: SIMPLE, tlsCertificates: [{serverCertificate: /a, privateKey: /a}, {serverCertificate: /b, privateKey: /b}, {serverCertificate: /c, privateKey: /c}]}", "tlsCertificates", "can support up to 2 server certificates")]
    [InlineData("{mode: OPTIONAL_MUTUAL, credentialName: cert}", "credentialName", "OPTIONAL_MUTUAL TLS with a credential needs secret delivery (SDS), not supported yet: this server is not served")]
    [InlineData("{mode: SIMPLE, credentialNames: [rsa, ecdsa]}", "credentialNames", "SIMPLE TLS with a credential needs secret delivery (SDS)")]
    public void Settings_istiod_accepts_but_ignores_or_we_cannot_serve_are_warned_about(string tls, string field, string message)
    {
        var result = Load($"{{port: {{number: 443, name: https, protocol: HTTPS}}, hosts: [\"*\"], tls: {tls}}}");

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings(), w => w.Field == $"spec.servers[0].tls.{field}");
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_endpoint_is_ignored_with_a_warning_because_istiod_does_not_implement_it()
    {
        var result = Load("{port: {number: 80, name: http, protocol: HTTP}, hosts: [\"*\"], defaultEndpoint: \"127.0.0.1:8080\"}");

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings());
        Assert.Equal("spec.servers[0].defaultEndpoint", warning.Field);
        Assert.Contains("istiod ignores it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_redirect_on_a_non_http_server_is_warned_about()
    {
        var result = Load("{port: {number: 443, name: https, protocol: HTTPS}, hosts: [\"*\"], tls: {mode: PASSTHROUGH, httpsRedirect: true}}");

        Assert.Empty(result.Errors());
        Assert.Contains("should only be used with http servers", Assert.Single(result.Warnings()).Message, StringComparison.Ordinal);
    }

    /// <summary>A Gateway <c>gw</c> with the one server given in flow style.</summary>
    private static YamlLoadResult Load(string server) => TestYaml.Load($$"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: apps}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - {{server.ReplaceLineEndings(" ")}}
        """);
}
