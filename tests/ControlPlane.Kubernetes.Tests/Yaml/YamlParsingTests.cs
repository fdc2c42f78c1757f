namespace ControlPlane.Kubernetes.Tests.Yaml;

using ControlPlane.Model.Config.VirtualServices;

public sealed class YamlParsingTests
{
    private const string TwoServicesWithNoise = """
        # leading comment
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: alpha, namespace: team}
        spec:
          ports: [{name: http, port: 80}]
        ---
        # a document with only a comment
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: beta, namespace: team}
        spec:
          ports: [{name: http, port: 81}]
        ...
        """;

    [Fact]
    public void MultiDocumentFile_YieldsEveryDocumentAndSkipsEmptyOnes()
    {
        var result = TestYaml.Load(TwoServicesWithNoise);

        result.AssertNoProblems();
        Assert.Equal(
            ["alpha.team.svc.cluster.local", "beta.team.svc.cluster.local"],
            result.Delta.UpsertedServices.Select(s => s.Hostname).Order().ToArray());
    }

    [Fact]
    public void ListKind_ExpandsItemsAndReportsItemPaths()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Service
                metadata: {name: one}
                spec: {ports: [{port: 80}]}
              - apiVersion: v1
                kind: Service
                metadata: {name: two}
                spec: {ports: [{port: 70000}]}
            """);

        Assert.Equal("one.default.svc.cluster.local", Assert.Single(result.Delta.UpsertedServices).Hostname);
        var error = Assert.Single(result.Errors());
        Assert.Equal("items[1].spec.ports[0].port", error.Field);
        Assert.Equal("two", error.Name);
        Assert.Equal("test.yaml#0", error.Origin);
    }

    [Fact]
    public void UnparsableDocument_IsReportedAndItsNeighboursStillLoad()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: first}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: broken
               namespace: oops
            spec: {hosts: ["a"]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: third}
            spec: {ports: [{port: 80}]}
            """);

        Assert.Equal(2, result.Delta.UpsertedServices.Length);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("test.yaml#1", problem.Origin);
        Assert.Equal("VirtualService", problem.Kind);
        Assert.Contains("YAML syntax error at line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateKey_RejectsTheDocument()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Service
            metadata: {name: dup}
            metadata: {name: dup2}
            spec: {ports: [{port: 80}]}
            """);

        Assert.Empty(result.Delta.UpsertedServices);
        Assert.Contains("duplicate key", Assert.Single(result.Errors()).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OtherKinds_AreSkippedWithoutProblems()
    {
        var result = TestYaml.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec: {replicas: 2}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            ---
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: knative}
            spec: {template: {}}
            """);

        result.AssertNoProblems();
        Assert.True(result.Delta.UpsertedServices.IsEmpty);
        Assert.Equal(3, result.Skipped.Count);
    }

    [Fact]
    public void UnsupportedIstioKind_IsSkippedWithAWarning()
    {
        var result = TestYaml.Load("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: strict, namespace: shop}
            spec: {mtls: {mode: STRICT}}
            """);

        var warning = Assert.Single(result.Warnings());
        Assert.Equal("PeerAuthentication", warning.Kind);
        Assert.Equal("shop", warning.Namespace);
        Assert.Equal("strict", warning.Name);
    }

    [Fact]
    public void QuotedScalars_StayStrings_PlainOnesAreTyped()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: typed}
            spec:
              hosts: [svc]
              http:
                - match: [{headers: {x-flag: {exact: "true"}, x-num: {exact: "80"}}}]
                  route: [{destination: {host: svc}}]
            """);

        result.AssertNoProblems();
        var headers = result.Config<VirtualService>("typed").Http[0].Match[0].Headers;
        Assert.Equal("true", headers["x-flag"].Value);
        Assert.Equal("80", headers["x-num"].Value);
    }

    [Fact]
    public void NonStringLabel_IsAnErrorWithAQuotingHint()
    {
        var result = TestYaml.Load("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels: {version: 1.0}
            """);

        var error = Assert.Single(result.Errors());
        Assert.Equal("metadata.labels.version", error.Field);
        Assert.Contains("quote", error.Message, StringComparison.Ordinal);
        Assert.Contains("(line 5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonMappingDocument_IsAnError()
    {
        var result = TestYaml.Load("- just\n- a list\n");

        Assert.Single(result.Errors());
    }
}
