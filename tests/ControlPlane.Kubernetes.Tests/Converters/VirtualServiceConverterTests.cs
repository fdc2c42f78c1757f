namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.VirtualServices;

public sealed class VirtualServiceConverterTests
{
    [Theory]
    [InlineData("networking.istio.io/v1")]
    [InlineData("networking.istio.io/v1beta1")]
    [InlineData("networking.istio.io/v1alpha3")]
    public void EveryServedVersion_IsAccepted(string apiVersion)
    {
        var result = TestYaml.Load($$$"""
            apiVersion: {{{apiVersion}}}
            kind: VirtualService
            metadata: {name: reviews, namespace: books}
            spec:
              hosts: [reviews]
              http: [{route: [{destination: {host: reviews, subset: v1}}]}]
            """);

        result.AssertNoProblems();
        var vs = result.Config<VirtualService>("reviews");
        Assert.Equal(apiVersion, vs.Meta.ApiVersion);
        Assert.Equal("books", vs.Meta.Namespace);
        Assert.Equal("/apis/networking.istio.io/v1/namespaces/books/virtual-service/reviews", vs.ConfigPath);
    }

    [Fact]
    public void UnservedVersion_IsRejected()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v2
            kind: VirtualService
            metadata: {name: r}
            spec: {hosts: [r], http: [{route: [{destination: {host: r}}]}]}
            """);

        Assert.Equal("apiVersion", Assert.Single(result.Errors()).Field);
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Fact]
    public void HttpRoutes_CarryMatchesDestinationsAndPolicies()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: full}
            spec:
              hosts: [reviews, reviews.example.com]
              gateways: [mesh, edge/gw]
              exportTo: ["."]
              http:
                - name: canary
                  match:
                    - name: by-header
                      uri: {prefix: /api}
                      method: {exact: GET}
                      scheme: {exact: https}
                      authority: {regex: "^rev.*"}
                      ignoreUriCase: true
                      headers: {end-user: {exact: jason}, x-present: {}}
                      withoutHeaders: {x-skip: {prefix: "1"}}
                      queryParams: {debug: {exact: "on"}}
                      port: 9080
                      sourceLabels: {app: web}
                      sourceNamespace: front
                      gateways: [mesh]
                  route:
                    - destination: {host: reviews, subset: v1, port: {number: 9080}}
                      weight: 80
                      headers: {request: {set: {x-v: "1"}}}
                    - destination: {host: reviews, subset: v2}
                      weight: 20
                  rewrite: {uri: /v2/api, authority: internal}
                  timeout: 2.5s
                  retries: {attempts: 3, perTryTimeout: 500ms, retryOn: "gateway-error,503", retryRemoteLocalities: true}
                  headers:
                    request: {add: {x-a: b}, remove: [x-drop]}
                    response: {set: {x-s: t}}
                - name: moved
                  match: [{uri: {exact: /old}}]
                  redirect: {uri: /new, authority: new.example.com, redirectCode: 308, scheme: https, port: 8443}
                - name: teapot
                  directResponse: {status: 418, body: {string: short and stout}}
            """);

        result.AssertNoProblems();
        var vs = result.Config<VirtualService>("full");
        Assert.Equal(["mesh", "edge/gw"], vs.Gateways.ToArray());
        Assert.Equal(["."], vs.ExportTo.ToArray());
        var canary = vs.Http[0];
        var match = Assert.Single(canary.Match);
        Assert.Equal(new StringMatch(StringMatchKind.Prefix, "/api"), match.Uri);
        Assert.Equal(new StringMatch(StringMatchKind.Regex, "^rev.*"), match.Authority);
        Assert.Equal(new StringMatch(StringMatchKind.Exact, "jason"), match.Headers["end-user"]);
        Assert.Equal(StringMatchKind.Regex, match.Headers["x-present"].MatchKind);
        Assert.Equal(new StringMatch(StringMatchKind.Prefix, "1"), match.WithoutHeaders["x-skip"]);
        Assert.Equal("on", match.QueryParams["debug"].Value);
        Assert.Equal((9080, "front", "web", true, "by-header"), (match.Port, match.SourceNamespace, match.SourceLabels["app"], match.IgnoreUriCase, match.Name));
        Assert.Equal([80, 20], canary.Route.Select(r => r.Weight).ToArray());
        Assert.Equal(new Destination("reviews", "v1", 9080), canary.Route[0].Destination);
        Assert.Equal("1", canary.Route[0].Headers!.Request.Set["x-v"]);
        Assert.Equal(new HttpRewrite("/v2/api", "internal"), canary.Rewrite);
        Assert.Equal(TimeSpan.FromSeconds(2.5), canary.Timeout);
        Assert.Equal((3, TimeSpan.FromMilliseconds(500), "gateway-error,503", true), (canary.Retries!.Attempts, canary.Retries.PerTryTimeout, canary.Retries.RetryOn, canary.Retries.RetryRemoteLocalities));
        Assert.Equal(["x-drop"], canary.Headers!.Request.Remove.ToArray());
        Assert.Equal("t", canary.Headers.Response.Set["x-s"]);
        Assert.Equal(new HttpRedirect("/new", "new.example.com", 308) { Scheme = "https", Port = 8443 }, vs.Http[1].Redirect);
        Assert.Equal(new HttpDirectResponse(418, "short and stout"), vs.Http[2].DirectResponse);
    }

    [Fact]
    public void TcpAndTlsRoutes_AreConverted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: l4}
            spec:
              hosts: [db.example.com]
              tcp:
                - match: [{port: 5432, destinationSubnets: [10.0.0.0/8], sourceLabels: {app: api}}]
                  route:
                    - {destination: {host: db-a, port: {number: 5432}}, weight: 50}
                    - {destination: {host: db-b, port: {number: 5432}}, weight: 50}
              tls:
                - match: [{sniHosts: [db.example.com], port: 443}]
                  route: [{destination: {host: db-tls}}]
            """);

        result.AssertNoProblems();
        var vs = result.Config<VirtualService>("l4");
        var tcp = Assert.Single(vs.Tcp);
        Assert.Equal((5432, "10.0.0.0/8", "api"), (tcp.Match[0].Port, tcp.Match[0].DestinationSubnets[0], tcp.Match[0].SourceLabels["app"]));
        Assert.Equal(["db-a", "db-b"], tcp.Route.Select(r => r.Destination.Host).ToArray());
        var tls = Assert.Single(vs.Tls);
        Assert.Equal(["db.example.com"], tls.Match[0].SniHosts.ToArray());
        Assert.Equal("db-tls", Assert.Single(tls.Route).Destination.Host);
    }

    [Theory]
    [InlineData("route: [{destination: {host: a}, weight: 0}, {destination: {host: b}, weight: 0}]", "spec.http[0].route", "must not all be 0")]
    [InlineData("route: [{destination: {host: a}, weight: -1}]", "spec.http[0].route[0].weight", "at least 0")]
    [InlineData("route: [{destination: {subset: v1}}]", "spec.http[0].route[0].destination.host", "required")]
    [InlineData("timeout: 5 seconds\n      route: [{destination: {host: a}}]", "spec.http[0].timeout", "not a valid duration")]
    [InlineData("name: nothing", "spec.http[0]", "needs a route")]
    [InlineData("route: [{destination: {host: a}}]\n      redirect: {uri: /x}", "spec.http[0]", "only one of")]
    [InlineData("match: [{uri: {exact: /a, prefix: /b}}]\n      route: [{destination: {host: a}}]", "spec.http[0].match[0].uri", "only one of")]
    [InlineData("route: [{destination: {host: a}}]\n      retries: {attempts: 2, retryOn: sometimes}", "spec.http[0].retries.retryOn", "sometimes")]
    [InlineData("redirect: {uri: /x, redirectCode: 200}", "spec.http[0].redirect.redirectCode", "between 300 and 399")]
    public void InvalidHttpRoutes_AreRejectedWithTheFieldPath(string rule, string field, string message)
    {
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {"{"}name: bad, namespace: ns{"}"}
            spec:
              hosts: [svc]
              http:
                - {rule}
            """);

        Assert.Empty(result.Delta.UpsertedConfigs);
        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(("VirtualService", "ns", "bad"), (error.Kind, error.Namespace, error.Name));
    }

    [Fact]
    public void MeshWildcardAndMissingRoutesRefused_AndNoHostsMakesADelegate()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: nohosts}
            spec: {http: [{route: [{destination: {host: a}}]}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: star}
            spec: {hosts: ["*"], http: [{route: [{destination: {host: a}}]}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: noroutes}
            spec: {hosts: [a]}
            """);

        Assert.Equal(
            [("noroutes", "spec"), ("star", "spec.hosts[0]")],
            result.Errors().Select(e => (e.Name, e.Field)).Order().ToArray());
        Assert.Empty(result.Config<VirtualService>("nohosts").Hosts);
    }
}
