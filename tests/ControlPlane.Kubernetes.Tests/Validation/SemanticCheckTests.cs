namespace ControlPlane.Kubernetes.Tests.Validation;

using ControlPlane.Model.Diagnostics;

/// <summary>istiod's semantic checks that a schema cannot express, as the converters apply them when serving.</summary>
public sealed class SemanticCheckTests
{
    [Theory]
    [InlineData("uri: {regex: '(?=lookahead)'}", "spec.http[0].match[0].uri.regex", "not RE2 syntax")]
    [InlineData("uri: {regex: '(a)\\1'}", "spec.http[0].match[0].uri.regex", "not RE2 syntax")]
    [InlineData("uri: {regex: '[unclosed'}", "spec.http[0].match[0].uri.regex", "does not compile")]
    [InlineData("uri: {prefix: ''}", "spec.http[0].match[0].uri.prefix", "should not be empty")]
    [InlineData("headers: {'bad header': {exact: x}}", "spec.http[0].match[0].headers.bad header", "not a valid header name")]
    public void Bad_matches_are_rejected(string match, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec:
              hosts: [a]
              http:
              - match: [{MATCH}]
                route: [{destination: {host: a}}]
            """.Replace("MATCH", match, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Theory]
    [InlineData("request: {set: {':path': /x}}", "spec.http[0].headers.request.set", "cannot have ':' prefix")]
    [InlineData("request: {remove: [Host]}", "spec.http[0].headers.request.remove", "cannot set Host header")]
    [InlineData("response: {set: {':status': '200'}}", "spec.http[0].headers.response.set", "cannot have ':' prefix")]
    public void Bad_header_operations_are_rejected(string headers, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec:
              hosts: [a]
              http:
              - headers: {HEADERS}
                route: [{destination: {host: a}}]
            """.Replace("HEADERS", headers, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Theory]
    [InlineData("retries: {retryOn: 5xx}\n    route: [{destination: {host: a}}]", "spec.http[0].retries.attempts", "attempts are set to 0")]
    [InlineData("redirect: {uri: /x, scheme: ftp}", "spec.http[0].redirect.scheme", "must be \"http\" or \"https\"")]
    [InlineData("route: [{destination: {host: '*'}}]", "spec.http[0].route[0].destination.host", "invalid destination host *")]
    [InlineData("route: [{destination: {host: a, subset: V1}}]", "spec.http[0].route[0].destination.subset", "subset name is invalid")]
    [InlineData("match: [{gateways: [Bad/gw]}]\n    route: [{destination: {host: a}}]", "spec.http[0].match[0].gateways[0]", "must be DNS-1123 labels")]
    public void Bad_route_details_are_rejected(string rule, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec:
              hosts: [a]
              http:
              - RULE
            """.Replace("RULE", rule, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Theory]
    [InlineData("hosts: [a.example.com, '*.example.com']", "spec.hosts[1]", "duplicate hosts in virtual service: a.example.com & *.example.com")]
    [InlineData("hosts: ['bad host']", "spec.hosts[0]", "is not *, a *.suffix wildcard, a DNS name or an IP address")]
    [InlineData("hosts: [a]\n  http: [{match: [{headers: {'@request.auth.claims.group': {exact: admin}}}], route: [{destination: {host: a}}]}]", "spec.http[0].match", "only supported for gateway")]
    public void Bad_virtual_service_hosts_and_claim_routes_are_rejected(string fields, string field, string message)
    {
        var yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n  " + fields + "\n";
        var result = TestYaml.Load(yaml.Contains("http:", StringComparison.Ordinal) ? yaml : yaml + "  http: [{route: [{destination: {host: a}}]}]\n");

        AssertRejected(result.Errors(), field, message);
    }

    [Fact]
    public void Legacy_gateway_names_are_accepted_with_a_warning()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec:
              hosts: [a.example.com]
              gateways: [ingress.istio-system, istio-system/ingress, mesh]
              http: [{route: [{destination: {host: a}}]}]
            """);

        Assert.Empty(result.Errors());
        Assert.Contains("prefer the <namespace>/<name> format: 'istio-system/ingress'", Assert.Single(result.Warnings()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_authority_may_be_set_and_header_matches_may_use_mixed_case()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec:
              hosts: [a]
              http:
              - match: [{headers: {End-User: {exact: jason}}}]
                headers: {request: {set: {':authority': b}}}
                route: [{destination: {host: a}}]
            """);

        Assert.Empty(result.Errors());
    }

    [Theory]
    [InlineData("{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*'], tls: {mode: SIMPLE, serverCertificate: /c, privateKey: /k}}", "spec.servers[0].tls", "plain text HTTP ports")]
    [InlineData("{port: {number: 31400, name: tcp, protocol: TCP}, hosts: ['*'], tls: {mode: PASSTHROUGH}}", "spec.servers[0].tls", "non HTTPS/TLS ports")]
    [InlineData("{port: {number: 80, protocol: HTTP}, hosts: ['*']}", "spec.servers[0].port.name", "port name must be set")]
    public void Bad_gateway_servers_are_rejected(string server, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw}
            spec:
              selector: {istio: ingressgateway}
              servers: [SERVER]
            """.Replace("SERVER", server, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Theory]
    [InlineData("SIMPLE")]
    [InlineData("MUTUAL")]
    public void Terminating_servers_with_a_credential_are_valid_but_warned_about_until_secret_delivery_exists(string mode)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - {port: {number: 80, name: http, protocol: HTTP}, hosts: ['*'], tls: {httpsRedirect: true}}
              - {port: {number: 443, name: https, protocol: HTTPS}, hosts: ['*'], tls: {mode: MODE, credentialName: cert}}
            """.Replace("MODE", mode, StringComparison.Ordinal));

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings(), w => w.Field == "spec.servers[1].tls.credentialName");
        Assert.Contains($"{mode} TLS with a credential needs secret delivery (SDS)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gateway_port_names_are_unique_and_names_are_labels_and_https_redirect_is_allowed_on_http()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw.with.dots}
            spec:
              servers:
              - {port: {number: 80, name: web, protocol: HTTP}, hosts: ['*'], tls: {httpsRedirect: true}}
              - {port: {number: 8080, name: web, protocol: HTTP}, hosts: ['*']}
            """);

        AssertRejected(result.Errors(), "spec.servers[1].port.name", "must be unique");
        AssertRejected(result.Errors(), "metadata.name", "RFC 1123 label");
        Assert.DoesNotContain(result.Errors(), e => e.Field.StartsWith("spec.servers[0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("resolution: DNS\n  addresses: [10.0.0.0/16]", "spec.addresses[0]", "allowed only for NONE/STATIC")]
    [InlineData("resolution: DNS_ROUND_ROBIN\n  endpoints: [{address: a.example}, {address: b.example}]", "spec.endpoints", "cannot have multiple endpoints")]
    [InlineData("resolution: NONE\n  endpoints: [{address: 10.0.0.1}]", "spec.endpoints", "must be empty for resolution NONE")]
    [InlineData("resolution: STATIC\n  endpoints: [{address: db.example}]", "spec.endpoints[0].address", "must be an IP address")]
    public void Service_entry_resolution_and_endpoints_must_agree(string fields, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata: {name: se}
            spec:
              hosts: [db.example]
              ports: [{number: 5432, name: tcp, protocol: TCP}]
              FIELDS
            """.Replace("FIELDS", fields, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Theory]
    [InlineData("address: 'unix://relative'", "spec.address", "absolute path")]
    [InlineData("address: 'not an address'", "spec.address", "not an IP address")]
    [InlineData("labels: {app: x}", "spec.address", "is required")]
    public void Workload_entry_addresses_are_checked(string fields, string field, string message)
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: we}
            spec: { FIELDS }
            """.Replace("FIELDS", fields, StringComparison.Ordinal));

        AssertRejected(result.Errors(), field, message);
    }

    [Fact]
    public void Workload_entry_behind_a_network_gateway_needs_no_address_and_dns_names_are_addresses()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: remote}
            spec: {network: west}
            ---
            apiVersion: networking.istio.io/v1
            kind: WorkloadEntry
            metadata: {name: vm}
            spec: {address: vm.example.com}
            """);

        Assert.Empty(result.Errors());
    }

    [Fact]
    public void Sidecar_and_service_entry_selectors_use_labels_and_an_empty_one_is_a_warning()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {name: all}
            spec:
              workloadSelector: {labels: {}}
              egress: [{hosts: ["./*"]}]
            """);

        Assert.Empty(result.Errors());
        var warning = Assert.Single(result.Warnings());
        Assert.Equal("spec.workloadSelector.labels", warning.Field);
    }

    [Theory]
    [InlineData("Sidecar", "egress: [{hosts: [reviews.shop.svc.cluster.local]}]", "spec.egress[0].hosts[0]", "namespace/dnsName")]
    [InlineData("Sidecar", "egress: [{hosts: [Shop/reviews]}]", "spec.egress[0].hosts[0]", "DNS-1123 label")]
    [InlineData("Sidecar", "egress: [{hosts: [./bad_host]}]", "spec.egress[0].hosts[0]", "not *, a *.suffix wildcard or a DNS name")]
    [InlineData("Gateway", "servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [a/b/c]}]", "spec.servers[0].hosts[0]", "optionally prefixed by a namespace")]
    public void Namespaced_hosts_follow_istiods_syntax(string kind, string spec, string field, string message)
    {
        var result = TestYaml.Load($"apiVersion: networking.istio.io/v1\nkind: {kind}\nmetadata: {{name: x}}\nspec:\n  {spec}\n");

        AssertRejected(result.Errors(), field, message);
    }

    [Fact]
    public void Namespaced_hosts_accept_istios_forms()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: {name: ok}
            spec:
              egress: [{hosts: ["./*", "*/api.example.com", "istio-system/*.corp", "~/*"]}]
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw}
            spec:
              servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*", "shop.example.com", "./*.example.com"]}]
            """);

        Assert.Empty(result.Errors());
    }

    private static void AssertRejected(IReadOnlyList<ConfigProblem> errors, string field, string message) =>
        Assert.True(
            errors.Any(e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {field}: ...{message}... in\n{string.Join("\n", errors)}");
}
