namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config.VirtualServices;

public sealed class FaultMirrorCorsConverterTests
{
    [Fact]
    public void Fault_mirror_and_cors_are_read_into_the_route()
    {
        var result = Load("""
            fault:
                    delay: {fixedDelay: 300ms, percentage: {value: 12.5}}
                    abort: {grpcStatus: UNAVAILABLE, percentage: {value: 50}}
                  mirror: {host: shadow, subset: v2, port: {number: 9080}}
                  mirrorPercentage: {value: 0.5}
                  corsPolicy:
                    allowOrigins: [{exact: "https://a.example"}, {prefix: "https://b."}, {regex: ".*\\.c\\.example"}]
                    allowMethods: [GET, POST]
                    allowHeaders: [x-a, x-b]
                    exposeHeaders: ["*"]
                    maxAge: 24h
                    allowCredentials: true
                    unmatchedPreflights: IGNORE
            """);

        result.AssertNoProblems();
        var http = Assert.Single(result.Config<VirtualService>("vs").Http);
        Assert.Equal(new HttpFaultDelay(TimeSpan.FromMilliseconds(300), 12.5), http.Fault!.Delay);
        Assert.Equal(new HttpFaultAbort(null, 14, 50), http.Fault.Abort);
        Assert.Equal(new HttpMirrorPolicy(new Destination("shadow", "v2", 9080), 0.5), Assert.Single(http.Mirrors));
        var cors = http.CorsPolicy!;
        Assert.Equal(
            [new StringMatch(StringMatchKind.Exact, "https://a.example"), new StringMatch(StringMatchKind.Prefix, "https://b."), new StringMatch(StringMatchKind.Regex, ".*\\.c\\.example")],
            cors.AllowOrigins.ToArray());
        Assert.Equal(["GET", "POST"], cors.AllowMethods.ToArray());
        Assert.Equal(["x-a", "x-b"], cors.AllowHeaders.ToArray());
        Assert.Equal(["*"], cors.ExposeHeaders.ToArray());
        Assert.Equal((TimeSpan.FromHours(24), true, true), (cors.MaxAge, cors.AllowCredentials, cors.IgnoreUnmatchedPreflights));
    }

    [Fact]
    public void Legacy_percent_fields_and_the_mirrors_list_are_read()
    {
        var result = Load("""
            fault: {delay: {fixedDelay: 1s, percent: 30}, abort: {httpStatus: 503}}
                  mirrors:
                    - destination: {host: a}
                    - {destination: {host: b}, percentage: {value: 0}}
                  corsPolicy: {allowOrigin: ["https://old.example"]}
            """);

        Assert.Empty(result.Errors());
        var http = Assert.Single(result.Config<VirtualService>("vs").Http);
        Assert.Equal(new HttpFaultDelay(TimeSpan.FromSeconds(1), null, 30), http.Fault!.Delay);
        Assert.Equal(new HttpFaultAbort(503, null, null), http.Fault.Abort);
        Assert.Equal([new HttpMirrorPolicy(new Destination("a")), new HttpMirrorPolicy(new Destination("b"), 0)], http.Mirrors.ToArray());
        Assert.Equal([new StringMatch(StringMatchKind.Exact, "https://old.example")], http.CorsPolicy!.AllowOrigins.ToArray());
    }

    [Fact]
    public void Mirror_percent_is_deprecated_with_istiods_warning()
    {
        var result = Load("""
            mirror: {host: shadow}
                  mirrorPercent: 40
            """);

        Assert.Empty(result.Errors());
        Assert.Contains(result.Warnings(), w => w.Field == "spec.http[0].mirrorPercent" && w.Message.Contains("deprecated", StringComparison.Ordinal));
        Assert.Equal(new HttpMirrorPolicy(new Destination("shadow"), null, 40), Assert.Single(result.Config<VirtualService>("vs").Http[0].Mirrors));
    }

    [Fact]
    public void Istiod_accepts_but_ignores_an_abort_without_status_and_a_delay_without_fixed_delay()
    {
        var result = Load("fault: {abort: {percentage: {value: 10}}, delay: {percentage: {value: 10}}}");

        Assert.Empty(result.Errors());
        Assert.Equal(
            ["spec.http[0].fault.abort", "spec.http[0].fault.delay"],
            result.Warnings().Select(w => w.Field).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("fault: {}", "spec.http[0].fault", "abort and/or a delay")]
    [InlineData("fault: {abort: {httpStatus: 503, percentage: {value: 101}}}", "spec.http[0].fault.abort.percentage.value", "not in range [0, 100]")]
    [InlineData("fault: {abort: {httpStatus: 100}}", "spec.http[0].fault.abort.httpStatus", "between 200 and 600")]
    [InlineData("fault: {abort: {grpcStatus: BROKEN}}", "spec.http[0].fault.abort.grpcStatus", "BROKEN")]
    [InlineData("fault: {abort: {http2Error: REFUSED_STREAM}}", "spec.http[0].fault.abort.http2Error", "not supported yet")]
    [InlineData("fault: {abort: {httpStatus: 503, grpcStatus: INTERNAL}}", "spec.http[0].fault.abort", "only one of")]
    [InlineData("fault: {delay: {fixedDelay: 0.5ms}}", "spec.http[0].fault.delay.fixedDelay", "greater than 1ms")]
    [InlineData("fault: {delay: {fixedDelay: 1s, percentage: {value: -1}}}", "spec.http[0].fault.delay.percentage.value", "not in range")]
    [InlineData("fault: {delay: {fixedDelay: 1s, percent: 120}}", "spec.http[0].fault.delay.percent", "between 0 and 100")]
    [InlineData("fault: {delay: {exponentialDelay: 1s}}", "spec.http[0].fault.delay.exponentialDelay", "not supported yet")]
    [InlineData("mirror: {subset: v1}", "spec.http[0].mirror.host", "required")]
    [InlineData("mirror: {host: a}\n      mirrors: [{destination: {host: b}}]", "spec.http[0].mirrors", "both mirror and mirrors")]
    [InlineData("mirror: {host: a}\n      mirrorPercentage: {value: 100.5}", "spec.http[0].mirrorPercentage.value", "not in range")]
    [InlineData("mirror: {host: a}\n      mirrorPercent: 101", "spec.http[0].mirrorPercent", "between 0 and 100")]
    [InlineData("mirrors: [{percentage: {value: 5}}]", "spec.http[0].mirrors[0].destination", "required")]
    [InlineData("corsPolicy: {allowOrigins: [{exact: \"\"}]}", "spec.http[0].corsPolicy.allowOrigins[0]", "CORS allow origins")]
    [InlineData("corsPolicy: {allowMethods: [FETCH]}", "spec.http[0].corsPolicy.allowMethods[0]", "not a supported HTTP method")]
    [InlineData("corsPolicy: {allowHeaders: [\"x y\"]}", "spec.http[0].corsPolicy.allowHeaders[0]", "not a valid header name")]
    [InlineData("corsPolicy: {maxAge: 1.5s}", "spec.http[0].corsPolicy.maxAge", "seconds precision")]
    [InlineData("corsPolicy: {unmatchedPreflights: DROP}", "spec.http[0].corsPolicy.unmatchedPreflights", "DROP")]
    public void Invalid_fields_are_rejected_with_their_path(string rule, string field, string message)
    {
        var result = Load(rule);

        Assert.Empty(result.Delta.UpsertedConfigs);
        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_on_a_redirect_is_rejected()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs, namespace: ns}
            spec:
              hosts: [svc]
              http:
                - redirect: {uri: /x}
                  fault: {abort: {httpStatus: 503}}
            """);

        var error = Assert.Single(result.Errors());
        Assert.Equal(("spec.http[0].fault", true), (error.Field, error.Message.Contains("both fault and redirect", StringComparison.Ordinal)));
    }

    /// <summary>One http rule routing to <c>svc</c>, with <paramref name="extra"/> (indented for the rule) added.</summary>
    private static YamlLoadResult Load(string extra) => TestYaml.Load($"""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {"{"}name: vs, namespace: ns{"}"}
        spec:
          hosts: [svc]
          http:
            - route: [{"{"}destination: {"{"}host: svc{"}"}{"}"}]
              {extra}
        """);
}
