namespace ControlPlane.Kubernetes.Schema;

using System.Collections.Frozen;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Yaml.Parsing;

/// <summary>
/// The OpenAPI v3 schemas of a CustomResourceDefinition bundle (Istio's <c>crd-all.gen.yaml</c>, say), by apiVersion
/// and kind. Immutable once loaded and safe to share between threads; the CEL rules are compiled lazily, once each.
/// </summary>
internal sealed class CrdSchemaSet
{
    private readonly FrozenDictionary<(string ApiVersion, string Kind), JsonObject> schemas;
    private readonly FrozenDictionary<(string Group, string Kind), string[]> served;
    private readonly CelRuleCache rules = new();

    private CrdSchemaSet(Dictionary<(string, string), JsonObject> schemas, Dictionary<(string, string), string[]> served)
    {
        this.schemas = schemas.ToFrozenDictionary();
        this.served = served.ToFrozenDictionary();
    }

    public int Count => schemas.Count;

    /// <summary>Reads a bundle file. Returns null with a reason when it cannot be read or holds no CRD schema.</summary>
    public static CrdSchemaSet? TryLoad(string path, out string? error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read CRD file '{path}': {ex.Message}";
            return null;
        }

        var set = FromText(text, path);
        error = set.Count == 0 ? $"'{path}' holds no CustomResourceDefinition with an openAPIV3Schema" : null;
        return set.Count == 0 ? null : set;
    }

    public static CrdSchemaSet FromText(string text, string origin)
    {
        var schemas = new Dictionary<(string, string), JsonObject>();
        var served = new Dictionary<(string, string), string[]>();
        foreach (var document in YamlDocumentParser.Parse(text, origin))
        {
            if (document.Root is JsonObject crd && (string?)crd["kind"] == "CustomResourceDefinition")
            {
                Add(crd, schemas, served);
            }
        }

        return new CrdSchemaSet(schemas, served);
    }

    /// <summary>Whether the bundle defines <paramref name="kind"/> in the API group of <paramref name="apiVersion"/>.</summary>
    public bool Defines(string apiVersion, string kind) => served.ContainsKey((GroupOf(apiVersion), kind));

    /// <summary>Whether the bundle defines any kind of the API group <paramref name="group"/> (<c>networking.istio.io</c>, say).</summary>
    public bool DefinesGroup(string group) => served.Keys.Any(k => k.Group == group);

    /// <summary>Validates a whole object; null when the bundle does not define its kind.</summary>
    public IReadOnlyList<SchemaFinding>? Validate(JsonObject body, string apiVersion, string kind)
    {
        if (!served.TryGetValue((GroupOf(apiVersion), kind), out var versions))
        {
            return null;
        }

        if (!schemas.TryGetValue((apiVersion, kind), out var schema))
        {
            var known = string.Join(", ", versions.Select(v => $"{GroupOf(apiVersion)}/{v}"));
            return [new SchemaFinding("apiVersion", $"'{apiVersion}' is not a served version of {kind}; served: {known}", Model.Diagnostics.ProblemSeverity.Error)];
        }

        var validator = new StructuralSchemaValidator(rules);
        validator.Validate(body, schema, "");
        return validator.Findings;
    }

    private static void Add(JsonObject crd, Dictionary<(string, string), JsonObject> schemas, Dictionary<(string, string), string[]> served)
    {
        var group = (string?)crd["spec"]?["group"];
        var kind = (string?)crd["spec"]?["names"]?["kind"];
        if (group is null || kind is null || crd["spec"]?["versions"] is not JsonArray versions)
        {
            return;
        }

        var names = new List<string>();
        foreach (var version in versions.OfType<JsonObject>())
        {
            var name = (string?)version["name"];
            if (name is not null && version["served"]?.GetValue<bool>() != false
                && version["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                schemas[($"{group}/{name}", kind)] = schema;
                names.Add(name);
            }
        }

        served[(group, kind)] = [.. names];
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
