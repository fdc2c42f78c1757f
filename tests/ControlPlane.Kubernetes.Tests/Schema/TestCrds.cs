namespace ControlPlane.Kubernetes.Tests.Schema;

using ControlPlane.Kubernetes.Schema;

/// <summary>
/// A small DestinationRule CRD written for these tests: a CEL rule no converter checks (subset name <c>forbidden</c>)
/// and a bound on the host length, so a schema rejection is told apart from a converter's.
/// </summary>
internal static class TestCrds
{
    public const string DestinationRule = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: destinationrules.networking.istio.io}
        spec:
          group: networking.istio.io
          names: {kind: DestinationRule}
          scope: Namespaced
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
                      host: {type: string, maxLength: 40}
                      subsets:
                        type: array
                        items:
                          type: object
                          properties:
                            name:
                              type: string
                              x-kubernetes-validations:
                              - rule: self != 'forbidden'
                                message: this subset name is reserved
                            labels: {type: object, additionalProperties: {type: string}}
                  status: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;

    public static CrdSchemaSet Schemas { get; } = CrdSchemaSet.FromText(DestinationRule, "test-crds.yaml");

    /// <summary>A DestinationRule for <c>web</c> in <c>shop</c> with one subset.</summary>
    public static string Rule(string name, string subset) => $$"""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: {{name}}, namespace: shop}
        spec:
          host: web
          subsets:
          - name: {{subset}}
            labels: {version: v1}
        """;
}
