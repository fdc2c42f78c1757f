namespace ControlPlane.Kubernetes.Yaml;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Assembling;
using ControlPlane.Kubernetes.Converters;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;

/// <summary>
/// Turns parsed documents into accepted inputs and problems: expands <c>kind: List</c>, dispatches on API group and
/// kind, and keeps an object only when reading it raised no error. With a CRD bundle, an object of a kind it defines is
/// checked against its schema first, and one the schema rejects is not converted.
/// </summary>
internal sealed class YamlObjectReader(
    MeshConfig mesh, MeshInputs inputs, List<ConfigProblem> problems, List<SkippedObject> skipped, CrdSchemaSet? schemas = null)
{
    public void Read(ParsedDocument document)
    {
        if (document.Error is not null)
        {
            problems.Add(new ConfigProblem { Origin = document.Origin, Kind = document.KindHint ?? "Unknown", Message = document.Error });
            return;
        }

        switch (document.Root)
        {
            case null:
                return;
            case JsonObject list when IsList(list):
                ReadList(document, list);
                return;
            case JsonObject body:
                ReadObject(document, body, "");
                return;
            default:
                problems.Add(new ConfigProblem { Origin = document.Origin, Kind = "Unknown", Message = "the document is not a mapping, so it cannot be a Kubernetes object" });
                return;
        }
    }

    private static bool IsList(JsonObject body) =>
        body["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)body["kind"] == "List";

    private void ReadList(ParsedDocument document, JsonObject list)
    {
        if (list["items"] is not JsonArray items)
        {
            problems.Add(new ConfigProblem { Origin = document.Origin, Kind = "List", Field = "items", Message = "must be a list of objects" });
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                ReadObject(document, item, $"items[{i}]");
            }
            else
            {
                problems.Add(new ConfigProblem { Origin = document.Origin, Kind = "List", Field = $"items[{i}]", Message = "must be an object" });
            }
        }
    }

    private void ReadObject(ParsedDocument document, JsonObject body, string path)
    {
        var collector = new ProblemCollector(document.Origin);
        var context = new ReadContext(collector, document.Lines);
        var root = context.Read(body, path);
        var apiVersion = root.String("apiVersion", required: true);
        var kind = root.String("kind", required: true);
        if (apiVersion is not null && kind is not null)
        {
            collector.Kind = kind;
            if (!SchemaRejects(document, body, apiVersion, kind, path))
            {
                Convert(document, root, apiVersion, kind);
            }
        }

        problems.AddRange(collector.Problems);
    }

    /// <summary>
    /// The API server refuses to store an object its CRD schema rejects; such an object is not served either, and only the
    /// schema's findings are reported for it (the converters would mostly restate them).
    /// </summary>
    private bool SchemaRejects(ParsedDocument document, JsonObject body, string apiVersion, string kind, string path)
    {
        if (schemas is null || !schemas.Defines(apiVersion, kind))
        {
            return false;
        }

        var namespaced = !KindHandlers.TryGet(apiVersion, kind, out var handler) || handler.Namespaced;
        var found = SchemaProblems.Find(schemas, document, body, apiVersion, kind, SchemaProblems.Identify(body, namespaced), path);
        problems.AddRange(found);
        return found.Any(p => p.Severity == ProblemSeverity.Error);
    }

    private void Convert(ParsedDocument document, FieldReader root, string apiVersion, string kind)
    {
        if (!KindHandlers.TryGet(apiVersion, kind, out var handler))
        {
            Skip(document, root, apiVersion, kind);
            return;
        }

        if (!handler.ApiVersions.Contains(apiVersion))
        {
            root.Error("apiVersion", $"'{apiVersion}' is not supported for {kind}; use {string.Join(" or ", handler.ApiVersions)}");
            return;
        }

        // Written by the API server; present in objects exported with kubectl get -o yaml.
        root.Ignore("status");
        var metadata = MetadataConverter.Read(root, handler.Namespaced, handler.CheckName);
        if (metadata is null)
        {
            return;
        }

        var result = handler.Convert(root, new ConversionScope(mesh, document.File, apiVersion, metadata));
        root.Context.ReportUnknownFields();
        if (!root.Context.Problems.HasErrors && result is not null && !inputs.TryAdd(result, document.Origin, out var first))
        {
            root.Error("metadata.name", $"duplicate {kind} {metadata.Namespace}/{metadata.Name}: already defined at {first}; this copy is ignored");
        }
    }

    /// <summary>Other kinds are skipped quietly, except other Istio kinds, whose absence changes mesh behaviour.</summary>
    private void Skip(ParsedDocument document, FieldReader root, string apiVersion, string kind)
    {
        skipped.Add(new SkippedObject(document.Origin, apiVersion, kind));
        if (KindHandlers.GroupOf(apiVersion).EndsWith("istio.io", StringComparison.Ordinal))
        {
            var metadata = root.Object("metadata");
            root.Context.Problems.Name = metadata?.String("name") ?? "";
            root.Context.Problems.Namespace = metadata?.String("namespace") ?? MetadataConverter.DefaultNamespace;
            root.Warning("kind", $"{apiVersion} {kind} is not supported by this control plane; the object is ignored");
        }
    }
}
