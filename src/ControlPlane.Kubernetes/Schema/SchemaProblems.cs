namespace ControlPlane.Kubernetes.Schema;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;

/// <summary>
/// Runs a CRD bundle's schema on one object and reports the findings as the converters report theirs (origin, kind,
/// namespace, name, field, message with its line). Shared by the offline verb and the serving sources, so both judge an
/// object the same way.
/// </summary>
internal static class SchemaProblems
{
    /// <summary>
    /// The findings on <paramref name="body"/>, whose fields are reported under <paramref name="prefix"/> (<c>items[0]</c>
    /// inside a List); empty when the bundle does not define the object's kind.
    /// </summary>
    public static IReadOnlyList<ConfigProblem> Find(
        CrdSchemaSet schemas, ParsedDocument document, JsonObject body, string apiVersion, string kind, (string Namespace, string Name) id, string prefix)
    {
        var findings = schemas.Validate(body, apiVersion, kind);
        return findings is null ? [] : findings.Select(finding => new ConfigProblem
        {
            Origin = document.Origin,
            Kind = kind,
            Namespace = id.Namespace,
            Name = id.Name,
            Field = Prefixed(prefix, finding.Field),
            Message = WithLine(document, body, finding),
            Severity = finding.Severity,
        }).ToList();
    }

    /// <summary>
    /// The namespace and name an object's problems are reported under: cluster-scoped kinds have no namespace, and a
    /// namespaced object without one is in the default namespace, as the API server places it.
    /// </summary>
    public static (string Namespace, string Name) Identify(JsonObject body, bool namespaced) =>
        (namespaced ? Text(body["metadata"]?["namespace"]) ?? MetadataConverter.DefaultNamespace : "", Text(body["metadata"]?["name"]) ?? "");

    public static string Prefixed(string prefix, string field) =>
        prefix.Length == 0 ? field : field.Length == 0 ? prefix : $"{prefix}.{field}";

    /// <summary>A string field, or null when absent or of another type (the reader reports the type error).</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The line of the field (or of the nearest enclosing node that has one), as the converters' messages give it.</summary>
    private static string WithLine(ParsedDocument document, JsonObject body, SchemaFinding finding)
    {
        var field = finding.Field;
        while (true)
        {
            if (SchemaPath.Resolve(body, field) is { } node && document.Lines.TryGetValue(node, out var line))
            {
                return $"{finding.Message} (line {line})";
            }

            var cut = Math.Max(field.LastIndexOf('.'), field.LastIndexOf('['));
            if (cut <= 0)
            {
                return document.Lines.TryGetValue(body, out var objectLine) ? $"{finding.Message} (line {objectLine})" : finding.Message;
            }

            field = field[..cut];
        }
    }
}
