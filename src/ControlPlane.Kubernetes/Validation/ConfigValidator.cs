namespace ControlPlane.Kubernetes.Validation;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Assembling;
using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;

/// <summary>
/// Offline validation, one verdict per object, as <c>istioctl validate</c> gives: the CRD schema (when a bundle is
/// given) and then the same reading and semantic checks the YAML source applies when serving. Each object is judged on
/// its own, so a name defined in two files is not an error here. Objects of kinds neither read by this control plane
/// nor defined by the bundle (Deployments, ConfigMaps, ...) get no verdict.
/// </summary>
internal sealed class ConfigValidator(CrdSchemaSet? schemas, MeshConfig mesh)
{
    public IReadOnlyList<ObjectVerdict> ValidateText(string text, string file)
    {
        var verdicts = new List<ObjectVerdict>();
        foreach (var document in YamlDocumentParser.Parse(text, file))
        {
            verdicts.AddRange(ValidateDocument(document));
        }

        return verdicts;
    }

    private IEnumerable<ObjectVerdict> ValidateDocument(ParsedDocument document)
    {
        if (document.Error is not null)
        {
            var problem = new ConfigProblem { Origin = document.Origin, Kind = document.KindHint ?? "Unknown", Message = document.Error };
            return [new ObjectVerdict(document.File, problem.Kind, "", "", [problem])];
        }

        return document.Root switch
        {
            null => [],
            JsonObject list when Text(list["kind"]) == "List" && list["items"] is JsonArray items =>
                items.Select((item, i) => ValidateObject(document, item, $"items[{i}]")).OfType<ObjectVerdict>(),
            var root => new[] { ValidateObject(document, root, "") }.OfType<ObjectVerdict>(),
        };
    }

    private ObjectVerdict? ValidateObject(ParsedDocument document, JsonNode? node, string prefix)
    {
        if (node is not JsonObject body)
        {
            var problem = new ConfigProblem { Origin = document.Origin, Kind = "Unknown", Field = prefix, Message = "the document is not a mapping, so it cannot be a Kubernetes object" };
            return new ObjectVerdict(document.File, "Unknown", "", "", [problem]);
        }

        var apiVersion = Text(body["apiVersion"]) ?? "";
        var kind = Text(body["kind"]) ?? "";
        var read = KindHandlers.TryGet(apiVersion, kind, out var handler);
        var inBundle = schemas?.Defines(apiVersion, kind) == true;
        if (!read && !inBundle && !KindHandlers.GroupOf(apiVersion).EndsWith("istio.io", StringComparison.Ordinal) && kind.Length > 0 && apiVersion.Length > 0)
        {
            return null;
        }

        var (ns, name) = SchemaProblems.Identify(body, !read || handler.Namespaced);
        var problems = new List<ConfigProblem>();
        if (inBundle)
        {
            problems.AddRange(SchemaProblems.Find(schemas!, document, body, apiVersion, kind, (ns, name), prefix));
        }

        problems.AddRange(SemanticProblems(document, body, prefix));
        return new ObjectVerdict(document.File, kind.Length == 0 ? "Unknown" : kind, ns, name, Deduplicate(problems));
    }

    /// <summary>Runs the serving path's reader on this object alone, so duplicates across objects do not count.</summary>
    private List<ConfigProblem> SemanticProblems(ParsedDocument document, JsonObject body, string prefix)
    {
        var problems = new List<ConfigProblem>();
        var single = new ParsedDocument(document.File, document.Index) { Root = body, Lines = document.Lines };
        new YamlObjectReader(mesh, new MeshInputs(), problems, []).Read(single);
        return problems.Select(p => p with { Field = SchemaProblems.Prefixed(prefix, p.Field) }).ToList();
    }

    /// <summary>A string field, or null when absent or of another type (the reader reports the type error).</summary>
    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A list item's reader reports the same problem once per pass; a verdict lists it once.</summary>
    private static List<ConfigProblem> Deduplicate(List<ConfigProblem> problems) => problems.Distinct().ToList();
}
