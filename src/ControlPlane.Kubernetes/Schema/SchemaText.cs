namespace ControlPlane.Kubernetes.Schema;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>Field paths and messages for schema findings, in the form the converters use (<c>spec.http[0].match</c>).</summary>
internal static class SchemaText
{
    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>A map entry keyed by a user-chosen name: dotted when the key is a plain word, bracketed otherwise.</summary>
    public static string Key(string path, string key) =>
        key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-') ? Join(path, key) : $"{path}[\"{key}\"]";

    /// <summary>Any JSON number as a double, whatever CLR type the tree holds it in (long for YAML ints, double for floats).</summary>
    public static double Number(JsonNode value) =>
        double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    public static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string \"{value.GetValue<string>()}\"",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        _ => "null",
    };

    /// <summary>
    /// Istio's generated schemas express protobuf oneofs as <c>oneOf: [not anyOf [required a, required b], required a,
    /// required b]</c>: at most one of the fields. Name the fields rather than the schema shape.
    /// </summary>
    public static string OneOfMessage(JsonNode value, JsonArray branches)
    {
        var names = branches.OfType<JsonObject>()
            .SelectMany(b => b["required"] as JsonArray ?? [])
            .Select(n => (string)n!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return $"must match exactly one of {branches.Count} alternatives";
        }

        var present = value is JsonObject map ? names.Where(n => map[n] is not null).ToList() : [];
        var atMost = branches.OfType<JsonObject>().Any(b => b["not"] is not null);
        return present.Count > 1
            ? $"only one of {string.Join(", ", names)} may be set, found {string.Join(" and ", present)}"
            : $"{(atMost ? "at most" : "exactly")} one of {string.Join(", ", names)} must be set";
    }
}
