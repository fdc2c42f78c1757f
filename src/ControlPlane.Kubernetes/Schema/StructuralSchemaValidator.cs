namespace ControlPlane.Kubernetes.Schema;

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Model.Diagnostics;

/// <summary>
/// Validates a JSON tree against a Kubernetes structural OpenAPI v3 schema the way the API server does before storing
/// a custom resource: types, formats, enums, required, bounds, patterns, list types, the oneOf/anyOf/allOf/not
/// combinators and <c>x-kubernetes-validations</c> CEL rules. Null values count as absent (the API server prunes them).
/// Unknown fields are left to the converters, which warn about them.
/// </summary>
internal sealed class StructuralSchemaValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    private readonly List<SchemaFinding> findings = [];
    private readonly CelRuleCache rules;

    public StructuralSchemaValidator(CelRuleCache rules) => this.rules = rules;

    public IReadOnlyList<SchemaFinding> Findings => findings;

    public bool HasErrors => findings.Any(f => f.Severity == ProblemSeverity.Error);

    public void Validate(JsonNode? value, JsonObject schema, string path)
    {
        if (value is null)
        {
            return;
        }

        if (!CheckType(value, schema, path))
        {
            return;
        }

        CheckValue(value, schema, path);
        CheckCombinators(value, schema, path);
        switch (value)
        {
            case JsonObject map:
                CheckObject(map, schema, path);
                break;
            case JsonArray list:
                CheckArray(list, schema, path);
                break;
        }

        CheckRules(value, schema, path);
    }

    private void Error(string path, string message) => findings.Add(new SchemaFinding(path, message, ProblemSeverity.Error));

    private bool CheckType(JsonNode value, JsonObject schema, string path)
    {
        var kind = value.GetValueKind();
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            return kind is JsonValueKind.String || IsInteger(value) || Fail(path, "must be an integer or a string", value);
        }

        var type = (string?)schema["type"];
        var ok = type switch
        {
            null => true,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "integer" => IsInteger(value),
            "number" => kind == JsonValueKind.Number,
            _ => true,
        };
        return ok || Fail(path, $"must be of type {type}", value);
    }

    private bool Fail(string path, string message, JsonNode value)
    {
        Error(path, $"{message}, got {SchemaText.Describe(value)}");
        return false;
    }

    private static bool IsInteger(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && double.IsInteger(SchemaText.Number(value));

    private void CheckValue(JsonNode value, JsonObject schema, string path)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            Error(path, $"unsupported value {value.ToJsonString()}: supported values are {string.Join(", ", allowed.Select(a => a?.ToJsonString()))}");
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            CheckNumber(SchemaText.Number(value), schema, path);
        }
        else if (value.GetValueKind() == JsonValueKind.String)
        {
            CheckString(value.GetValue<string>(), schema, path);
        }
    }

    private void CheckNumber(double number, JsonObject schema, string path)
    {
        if (schema["minimum"] is JsonValue min && number < SchemaText.Number(min))
        {
            Error(path, $"must be greater than or equal to {min.ToJsonString()}, got {number}");
        }

        if (schema["maximum"] is JsonValue max && number > SchemaText.Number(max))
        {
            Error(path, $"must be less than or equal to {max.ToJsonString()}, got {number}");
        }

        var (low, high) = ((string?)schema["format"]) switch
        {
            "int32" => (int.MinValue, int.MaxValue),
            "uint32" => (0d, uint.MaxValue),
            _ => (double.MinValue, double.MaxValue),
        };
        if (number < low || number > high)
        {
            Error(path, $"{number} is out of range for {(string?)schema["format"]}");
        }
    }

    private void CheckString(string text, JsonObject schema, string path)
    {
        var length = text.EnumerateRunes().Count();
        if (schema["maxLength"] is JsonValue max && length > SchemaText.Number(max))
        {
            Error(path, $"may not be longer than {max.ToJsonString()} characters, got {length}");
        }

        if (schema["minLength"] is JsonValue min && length < SchemaText.Number(min))
        {
            Error(path, $"must be at least {min.ToJsonString()} characters long");
        }

        if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.CultureInvariant, RegexTimeout))
        {
            Error(path, $"'{text}' does not match the pattern {pattern.GetValue<string>()}");
        }

        if ((string?)schema["format"] == "date-time" && !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            Error(path, $"'{text}' is not a date-time (RFC 3339)");
        }
    }

    private void CheckObject(JsonObject map, JsonObject schema, string path)
    {
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => (string)r!).Where(name => map[name] is null))
            {
                Error(SchemaText.Join(path, name), "is required");
            }
        }

        if (schema["maxProperties"] is JsonValue maxProperties && map.Count > SchemaText.Number(maxProperties))
        {
            Error(path, $"may have at most {maxProperties.ToJsonString()} entries, got {map.Count}");
        }

        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        foreach (var (name, child) in map)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Validate(child, propertySchema, SchemaText.Join(path, name));
            }
            else if (additional is not null)
            {
                Validate(child, additional, SchemaText.Key(path, name));
            }
        }
    }

    private void CheckArray(JsonArray list, JsonObject schema, string path)
    {
        if (schema["minItems"] is JsonValue min && list.Count < SchemaText.Number(min))
        {
            Error(path, $"must have at least {min.ToJsonString()} items, got {list.Count}");
        }

        if (schema["maxItems"] is JsonValue max && list.Count > SchemaText.Number(max))
        {
            Error(path, $"must have at most {max.ToJsonString()} items, got {list.Count}");
        }

        if (schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Validate(list[i], itemSchema, $"{path}[{i}]");
            }
        }

        CheckListType(list, schema, path);
    }

    private void CheckListType(JsonArray list, JsonObject schema, string path)
    {
        var listType = (string?)schema["x-kubernetes-list-type"];
        Func<JsonNode?, string>? key = listType switch
        {
            "set" => item => item?.ToJsonString() ?? "null",
            "map" when schema["x-kubernetes-list-map-keys"] is JsonArray keys =>
                item => string.Join("/", keys.Select(k => item?[(string)k!]?.ToJsonString() ?? "null")),
            _ => null,
        };
        if (key is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (!seen.Add(key(list[i])))
            {
                Error($"{path}[{i}]", $"duplicate entry {key(list[i])}");
            }
        }
    }

    private void CheckCombinators(JsonNode value, JsonObject schema, string path)
    {
        if (schema["allOf"] is JsonArray all)
        {
            foreach (var branch in all.OfType<JsonObject>())
            {
                Validate(value, branch, path);
            }
        }

        if (schema["oneOf"] is JsonArray one && one.OfType<JsonObject>().Count(b => Matches(value, b)) != 1)
        {
            Error(path, SchemaText.OneOfMessage(value, one));
        }

        if (schema["anyOf"] is JsonArray any && !any.OfType<JsonObject>().Any(b => Matches(value, b)))
        {
            Error(path, $"must match at least one of {any.Count} alternatives");
        }

        if (schema["not"] is JsonObject not && Matches(value, not))
        {
            Error(path, "matches a schema it must not match");
        }
    }

    /// <summary>Whether <paramref name="value"/> satisfies <paramref name="schema"/>, without reporting anything.</summary>
    private bool Matches(JsonNode value, JsonObject schema)
    {
        var probe = new StructuralSchemaValidator(rules);
        probe.Validate(value, schema, "");
        return !probe.HasErrors;
    }

    private void CheckRules(JsonNode value, JsonObject schema, string path)
    {
        if (schema["x-kubernetes-validations"] is JsonArray validations)
        {
            findings.AddRange(rules.Evaluate(validations, value, path));
        }
    }
}
