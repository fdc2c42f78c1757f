namespace ControlPlane.Kubernetes.Tests.Validation;

using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Mesh;

/// <summary>Offline verdicts: one per object, each judged alone, schema and semantic problems together.</summary>
public sealed class ConfigValidatorTests
{
    private const string MiniCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: destinationrules.networking.istio.io}
        spec:
          group: networking.istio.io
          names: {kind: DestinationRule}
          versions:
          - name: v1
            served: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [host]
                    properties:
                      host: {type: string}
                      exportTo: {type: array, maxItems: 1, items: {type: string}}
        """;

    [Fact]
    public void Each_object_gets_a_verdict_and_other_kinds_none()
    {
        var verdicts = Validate(null, """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata: {name: ok, namespace: shop}
              spec: {host: a}
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata: {name: twice}
              spec: {host: b, subsets: [{name: v1}, {name: v1}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: ignored}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: ok}
            spec: {host: a}
            """);

        Assert.Equal(["shop/ok:True", "default/twice:False", "default/ok:True"], verdicts.Select(v => $"{v.Namespace}/{v.Name}:{v.Valid}").ToArray());
        var error = Assert.Single(verdicts[1].Errors);
        Assert.StartsWith("items[1].spec.subsets", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_findings_join_the_semantic_ones_when_a_bundle_is_given()
    {
        var schemas = CrdSchemaSet.FromText(MiniCrd, "crd.yaml");
        var yaml = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: wide}
            spec: {host: a, exportTo: [".", "*"]}
            """;

        Assert.True(Assert.Single(Validate(null, yaml)).Valid);
        var verdict = Assert.Single(Validate(schemas, yaml));
        Assert.False(verdict.Valid);
        Assert.Contains(verdict.Errors, e => e.Field == "spec.exportTo" && e.Message.Contains("at most 1 items", StringComparison.Ordinal));
    }

    [Fact]
    public void Unparsable_documents_are_invalid_verdicts_with_the_syntax_error()
    {
        var verdict = Assert.Single(Validate(null, "kind: VirtualService\nspec: [unclosed\n"));

        Assert.False(verdict.Valid);
        Assert.Equal("VirtualService", verdict.Kind);
        Assert.Contains("YAML syntax error", Assert.Single(verdict.Errors).Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ObjectVerdict> Validate(CrdSchemaSet? schemas, string yaml) =>
        new ConfigValidator(schemas, MeshConfig.Default).ValidateText(yaml, "test.yaml");
}
