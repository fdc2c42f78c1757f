namespace ControlPlane.Kubernetes.Tests.Validation;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Model.Diagnostics;

/// <summary>The OpenAPI v3 structural-schema checks, against a small CRD written for these tests.</summary>
public sealed class StructuralSchemaTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.io}
        spec:
          group: example.io
          names: {kind: Widget}
          versions:
          - name: v1
            served: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    oneOf:
                    - not:
                        anyOf:
                        - required: [exact]
                        - required: [prefix]
                    - required: [exact]
                    - required: [prefix]
                    properties:
                      size: {type: integer, format: int32, minimum: 1, maximum: 10}
                      mode: {type: string, enum: [ON, OFF]}
                      exact: {type: string}
                      prefix: {type: string, maxLength: 3}
                      timeout:
                        type: string
                        x-kubernetes-validations:
                        - rule: duration(self) >= duration('1ms')
                          message: must be a valid duration greater than 1ms
                      tags: {type: array, maxItems: 2, items: {type: string, pattern: '^[a-z]+$'}}
                      ports:
                        type: array
                        x-kubernetes-list-type: map
                        x-kubernetes-list-map-keys: [number]
                        items: {type: object, properties: {number: {type: integer}}}
                      labels: {type: object, additionalProperties: {type: string}}
                      loose: {type: object, x-kubernetes-preserve-unknown-fields: true}
                      exotic:
                        type: string
                        x-kubernetes-validations:
                        - rule: self.split(',').size() > 0
        """;

    private static readonly CrdSchemaSet Schemas = CrdSchemaSet.FromText(Crd, "crd.yaml");

    [Fact]
    public void A_conforming_object_has_no_findings()
    {
        Assert.Empty(Validate("""{"size": 3, "mode": "ON", "exact": "x", "timeout": "5s", "tags": ["a"], "ports": [{"number": 1}], "labels": {"a": "b"}, "loose": {"any": [1]}}"""));
    }

    [Theory]
    [InlineData("""{"mode": "ON"}""", "spec.size", "is required")]
    [InlineData("""{"size": "3"}""", "spec.size", "must be of type integer")]
    [InlineData("""{"size": 11}""", "spec.size", "less than or equal to 10")]
    [InlineData("""{"size": 1, "mode": "MAYBE"}""", "spec.mode", "supported values are \"ON\", \"OFF\"")]
    [InlineData("""{"size": 1, "exact": "a", "prefix": "b"}""", "spec", "only one of exact, prefix may be set, found exact and prefix")]
    [InlineData("""{"size": 1, "prefix": "abcd"}""", "spec.prefix", "may not be longer than 3")]
    [InlineData("""{"size": 1, "timeout": "0s"}""", "spec.timeout", "greater than 1ms")]
    [InlineData("""{"size": 1, "tags": ["a", "b", "c"]}""", "spec.tags", "at most 2 items")]
    [InlineData("""{"size": 1, "tags": ["A"]}""", "spec.tags[0]", "does not match the pattern")]
    [InlineData("""{"size": 1, "ports": [{"number": 1}, {"number": 1}]}""", "spec.ports[1]", "duplicate entry")]
    [InlineData("""{"size": 1, "labels": {"app": 1}}""", "spec.labels.app", "must be of type string")]
    public void Violations_are_reported_with_the_field_path(string spec, string field, string message)
    {
        var findings = Validate(spec);

        Assert.Contains(findings, f => f.Field == field && f.Message.Contains(message, StringComparison.Ordinal) && f.Severity == ProblemSeverity.Error);
    }

    [Fact]
    public void A_rule_outside_the_supported_CEL_is_a_warning_naming_the_rule()
    {
        var finding = Assert.Single(Validate("""{"size": 1, "exotic": "a,b"}"""));

        Assert.Equal(ProblemSeverity.Warning, finding.Severity);
        Assert.Contains("not checked", finding.Message, StringComparison.Ordinal);
        Assert.Contains("self.split", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_versions_and_kinds_are_told_apart()
    {
        var body = JsonNode.Parse("""{"apiVersion": "example.io/v2", "kind": "Widget", "spec": {"size": 1}}""")!.AsObject();

        Assert.Contains("not a served version", Assert.Single(Schemas.Validate(body, "example.io/v2", "Widget")!).Message, StringComparison.Ordinal);
        Assert.Null(Schemas.Validate(body, "example.io/v1", "Gadget"));
    }

    private static IReadOnlyList<SchemaFinding> Validate(string spec)
    {
        var body = JsonNode.Parse($$"""{"apiVersion": "example.io/v1", "kind": "Widget", "metadata": {"name": "w"}, "spec": {{spec}}}""")!.AsObject();
        return Schemas.Validate(body, "example.io/v1", "Widget")!;
    }
}
