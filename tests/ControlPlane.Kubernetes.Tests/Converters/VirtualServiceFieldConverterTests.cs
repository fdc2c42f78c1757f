namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.VirtualServices;

/// <summary>The fields that used to be "not yet": read into the model, checked as istiod checks them, no warnings.</summary>
public sealed class VirtualServiceFieldConverterTests
{
    [Fact]
    public void FormerlyUnsupportedFields_AreReadWithoutWarnings()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: fancy}
            spec:
              hosts: [svc]
              http:
                - match: [{uri: {prefix: /a}, statPrefix: by-a}]
                  route: [{destination: {host: svc}}]
                  rewrite: {uriRegexRewrite: {match: "^/a/(.*)", rewrite: /b/\1}}
                  retries: {attempts: 2, backoff: 250ms, retryIgnorePreviousHosts: false}
                - match: [{uri: {prefix: /old}}]
                  redirect: {uri: /new, derivePort: FROM_REQUEST_PORT}
                - directResponse: {status: 200, body: {bytes: aGVsbG8=}}
              tcp:
                - match: [{sourceSubnet: 10.0.0.0/8}]
                  route: [{destination: {host: svc}}]
            """);

        result.AssertNoProblems();
        var vs = result.Config<VirtualService>("fancy");
        Assert.Equal("by-a", vs.Http[0].Match[0].StatPrefix);
        Assert.Equal(new RegexRewrite("^/a/(.*)", "/b/\\1"), vs.Http[0].Rewrite!.UriRegexRewrite);
        Assert.Equal(TimeSpan.FromMilliseconds(250), vs.Http[0].Retries!.Backoff);
        Assert.False(vs.Http[0].Retries!.RetryIgnorePreviousHosts);
        Assert.Equal(RedirectPortSelection.FromRequestPort, vs.Http[1].Redirect!.DerivePort);
        Assert.Equal("hello"u8.ToArray(), vs.Http[2].DirectResponse!.BodyBytes.ToArray());
        Assert.Equal("10.0.0.0/8", vs.Tcp[0].Match[0].SourceSubnet);
    }

    [Theory]
    [InlineData("rewrite: {uri: /x, uriRegexRewrite: {match: a, rewrite: b}}", "spec.http[0].rewrite.uriRegexRewrite", "only contain one of URI or UriRegexRewrite")]
    [InlineData("rewrite: {uriRegexRewrite: {match: a}}", "spec.http[0].rewrite.uriRegexRewrite", "requires both Rewrite and Match")]
    [InlineData("rewrite: {uriRegexRewrite: {match: '(?=a)', rewrite: b}}", "spec.http[0].rewrite.uriRegexRewrite.match", "")]
    [InlineData("retries: {attempts: 2, backoff: 1.5ms}", "spec.http[0].retries.backoff", "only durations to ms precision")]
    [InlineData("retries: {attempts: 2, backoff: 0s}", "spec.http[0].retries.backoff", "greater than 1ms")]
    public void BadRouteFields_AreRejected(string fields, string field, string message)
    {
        var result = TestYaml.Load("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n  hosts: [a]\n  http:\n    - route: [{destination: {host: a}}]\n      " + fields + "\n");

        Assert.Contains(result.Errors(), e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Theory]
    [InlineData("redirect: {uri: /x, port: 8080, derivePort: FROM_REQUEST_PORT}", "spec.http[0].redirect.derivePort", "only one of port and derivePort")]
    [InlineData("redirect: {derivePort: SOMEWHERE}", "spec.http[0].redirect.derivePort", "is not one of")]
    [InlineData("directResponse: {status: 200, body: {string: a, bytes: YQ==}}", "spec.http[0].directResponse.body.bytes", "only one of string and bytes")]
    [InlineData("directResponse: {status: 200, body: {bytes: '*not base64*'}}", "spec.http[0].directResponse.body.bytes", "not valid base64")]
    public void BadActions_AreRejected(string action, string field, string message)
    {
        var result = TestYaml.Load("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n  hosts: [a]\n  http:\n    - " + action + "\n");

        Assert.Contains(result.Errors(), e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void RedirectWithOnlyDerivePort_IsValid()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: vs}
            spec: {hosts: [a], http: [{redirect: {derivePort: FROM_PROTOCOL_DEFAULT}}]}
            """);

        result.AssertNoProblems();
        Assert.Equal(RedirectPortSelection.FromProtocolDefault, result.Config<VirtualService>("vs").Http[0].Redirect!.DerivePort);
    }

    [Fact]
    public void LargeDirectResponseBodies_WarnThenFail()
    {
        static string Yaml(int size) =>
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\nspec:\n  hosts: [a]\n  http:\n    - directResponse: {status: 200, body: {string: " + new string('x', size) + "}}\n";

        var warned = TestYaml.Load(Yaml(200 * 1024));
        Assert.Empty(warned.Errors());
        Assert.Contains(warned.Warnings(), w => w.Field == "spec.http[0].directResponse.body");

        var rejected = TestYaml.Load(Yaml((1024 * 1024) + 1));
        Assert.Contains(rejected.Errors(), e => e.Field == "spec.http[0].directResponse.body");
    }
}
