namespace ControlPlane.Kubernetes.Tests.Converters;

using ControlPlane.Model.Config.VirtualServices;

public sealed class VirtualServiceDelegateConverterTests
{
    [Fact]
    public void RootAndDelegate_AreAccepted()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: root, namespace: front}
            spec:
              hosts: [reviews.books.svc.cluster.local]
              http:
                - name: api
                  match: [{uri: {prefix: /api}}]
                  timeout: 5s
                  delegate: {name: reviews-api, namespace: books}
                - route: [{destination: {host: reviews.books.svc.cluster.local}}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews-api, namespace: books}
            spec:
              exportTo: [front]
              http:
                - match: [{uri: {prefix: /api/v2}}]
                  route: [{destination: {host: reviews, subset: v2}}]
            """);

        result.AssertNoProblems();
        var root = result.Config<VirtualService>("root");
        Assert.Equal(new VirtualServiceDelegate("reviews-api", "books"), root.Http[0].Delegate);
        Assert.Empty(root.Http[0].Route);
        var delegated = result.Config<VirtualService>("reviews-api");
        Assert.Empty(delegated.Hosts);
        Assert.Equal(["front"], delegated.ExportTo.ToArray());
    }

    [Theory]
    [InlineData("gateways: [edge/gw]\n  http: [{route: [{destination: {host: a}}]}]", "spec.gateways", "delegate virtual service must have no gateways specified")]
    [InlineData("http: [{route: [{destination: {host: a}}]}]\n  tcp: [{route: [{destination: {host: a}}]}]", "spec.tcp", "delegate virtual service must have no tcp route specified")]
    [InlineData("http: [{route: [{destination: {host: a}}]}]\n  tls: [{match: [{sniHosts: [a]}], route: [{destination: {host: a}}]}]", "spec.tls", "delegate virtual service must have no tls route specified")]
    [InlineData("http: [{delegate: {name: deeper}}]", "spec.http[0].delegate", "delegate HTTP route cannot contain delegate")]
    public void DelegateRules_FollowIstiod(string spec, string field, string message)
    {
        var result = TestYaml.Load("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: d}\nspec:\n  " + spec + "\n");

        Assert.Contains(result.Errors(), e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(result.Delta.UpsertedConfigs);
    }

    [Theory]
    [InlineData("{name: r, delegate: {name: d}, route: [{destination: {host: a}}]}", "spec.http[0].route", "root HTTP route r must not specify route")]
    [InlineData("{name: r, delegate: {name: d}, redirect: {uri: /x}}", "spec.http[0].redirect", "root HTTP route r must not specify redirect")]
    public void RootRules_HaveOnlyTheDelegateAsAction(string rule, string field, string message)
    {
        var result = TestYaml.Load("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: root}\nspec:\n  hosts: [a]\n  http: [" + rule + "]\n");

        var error = Assert.Single(result.Errors());
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootRule_WithoutAction_IsValid_AndItsNamespaceDefaultsToTheRoots()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: root, namespace: shop}
            spec: {hosts: [a], http: [{delegate: {name: d}, retries: {attempts: 1}}]}
            """);

        result.AssertNoProblems();
        var rule = result.Config<VirtualService>("root").Http[0];
        Assert.Equal("shop", rule.Delegate!.KeyFrom("shop").Namespace);
        Assert.Equal(1, rule.Retries!.Attempts);
    }
}
