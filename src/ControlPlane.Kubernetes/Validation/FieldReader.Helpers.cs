namespace ControlPlane.Kubernetes.Validation;

using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>Type checks shared by the accessors of <see cref="FieldReader"/>.</summary>
internal sealed partial class FieldReader
{
    private int? CheckInt(string field, JsonNode value, int min, int max)
    {
        if (!TryInteger(value, out var number))
        {
            TypeError(field, value, "an integer");
            return null;
        }

        if (number < min || number > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            Error(field, $"must be {range}, got {number}");
            return null;
        }

        return (int)number;
    }

    private static bool TryInteger(JsonNode value, out long number)
    {
        number = 0;
        if (value is not JsonValue scalar || scalar.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (scalar.TryGetValue(out number))
        {
            return true;
        }

        if (scalar.TryGetValue<double>(out var real) && real == Math.Floor(real) && Math.Abs(real) < 1e15)
        {
            number = (long)real;
            return true;
        }

        return false;
    }

    private List<JsonNode?> Items(string name, bool required)
    {
        var value = Raw(name, required);
        if (value is null)
        {
            return [];
        }

        if (value is not JsonArray array)
        {
            TypeError(name, value, "a list");
            return [];
        }

        if (required && array.Count == 0)
        {
            Error(name, "must not be empty");
        }

        return [.. array];
    }

    private List<KeyValuePair<string, JsonNode?>> Entries(string name, bool required)
    {
        var value = Raw(name, required);
        if (value is null)
        {
            return [];
        }

        if (value is not JsonObject map)
        {
            TypeError(name, value, "a map");
            return [];
        }

        return [.. map];
    }

    private void TypeError(string field, JsonNode? value, string expected) =>
        Context.Problems.Error(PathOf(field), Context.WithLine($"must be {expected}, got {Describe(value)}", value ?? node));

    private static string Describe(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string '{value.GetValue<string>()}'",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
        _ => $"the number {value.ToJsonString()}",
    };

    private static string KeyPath(string name, string key) =>
        key.Contains('.', StringComparison.Ordinal) || key.Contains('/', StringComparison.Ordinal)
            ? $"{name}['{key}']"
            : $"{name}.{key}";

    private JsonNode NodeAt(string name) =>
        name.Length > 0 && node.TryGetPropertyValue(name, out var value) && value is not null ? value : node;
}
