namespace ControlPlane.Kubernetes.Tests.Validation;

using ControlPlane.Model.Config.VirtualServices;
using ControlPlane.Model.Diagnostics;

public sealed class ProblemReportingTests
{
    [Fact]
    public void OneBadObject_IsRejectedAlone_AndTheReportNamesFileKindObjectAndField()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: good-one, namespace: shop}
            spec: {hosts: [a], http: [{route: [{destination: {host: a}}]}]}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: split, namespace: shop}
            spec:
              hosts: [b]
              http:
                - route:
                    - destination: {host: b, subset: v1}
                      weight: 0
                    - destination: {host: b, subset: v2}
                      weight: 0
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: good-two, namespace: shop}
            spec: {hosts: [c], http: [{route: [{destination: {host: c}}]}]}
            """);

        Assert.Equal(["good-one", "good-two"], result.Delta.UpsertedConfigs.Select(c => c.Meta.Name).ToArray());
        var error = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Error, error.Severity);
        Assert.Equal(
            "test.yaml#1: VirtualService shop/split: field spec.http[0].route: destination weights must not all be 0 when there are several destinations, got 0 (0 + 0) (line 13)",
            error.ToString());
    }

    [Fact]
    public void UnknownFields_AreWarnedButTheObjectIsServed()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: typo, namespace: ns, labells: {a: b}}
            spec:
              host: svc
              trafficPolicy:
                loadBalancer: {simpel: ROUND_ROBIN}
            """);

        Assert.Single(result.Delta.UpsertedConfigs);
        Assert.Equal(
            ["metadata.labells", "spec.trafficPolicy.loadBalancer.simpel"],
            result.Warnings().Select(w => w.Field).Order().ToArray());
        Assert.All(result.Warnings(), w => Assert.Contains("unknown field", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void KnownButUnsupportedFields_AreWarnedNeverSilentlyDropped()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: fancy, generateName: fancy-}
            spec:
              host: svc
              trafficPolicy:
                retryBudget: {percent: 20, budgetInterval: 10s}
            """);

        Assert.NotNull(result.Config<ControlPlane.Model.Config.DestinationRules.DestinationRule>("fancy"));
        Assert.Equal(
            ["metadata.generateName", "spec.trafficPolicy.retryBudget.budgetInterval"],
            result.Warnings().Select(w => w.Field).Order().ToArray());
        Assert.All(result.Warnings(), w => Assert.Contains("not supported", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateObject_KeepsTheFirstAndNamesItsOrigin()
    {
        var result = TestYaml.Load("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: twin}
            spec: {host: first}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: twin}
            spec: {host: second}
            """);

        var rule = Assert.Single(result.Delta.UpsertedConfigs);
        Assert.Equal("first", ((ControlPlane.Model.Config.DestinationRules.DestinationRule)rule).Host);
        var error = Assert.Single(result.Errors());
        Assert.Equal(("test.yaml#1", "metadata.name"), (error.Origin, error.Field));
        Assert.Contains("already defined at test.yaml#0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata: {namespace: x}", "metadata.name")]
    [InlineData("metadata: {name: Bad_Name}", "metadata.name")]
    [InlineData("metadata: {name: ok, namespace: Not.A.Label}", "metadata.namespace")]
    [InlineData("metadata: {name: ok, creationTimestamp: yesterday}", "metadata.creationTimestamp")]
    [InlineData("", "metadata")]
    public void MetadataProblems_AreRejected(string metadata, string field)
    {
        var result = TestYaml.Load($"""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            {metadata}
            spec: {"{"}host: h{"}"}
            """);

        Assert.Empty(result.Delta.UpsertedConfigs);
        Assert.Equal(field, Assert.Single(result.Errors()).Field);
    }

    [Fact]
    public void MissingKind_IsReported()
    {
        var result = TestYaml.Load("apiVersion: v1\nmetadata: {name: x}\n");

        Assert.Equal("kind", Assert.Single(result.Errors()).Field);
    }
}
