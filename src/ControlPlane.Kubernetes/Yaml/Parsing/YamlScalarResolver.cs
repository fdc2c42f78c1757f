namespace ControlPlane.Kubernetes.Yaml.Parsing;

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

/// <summary>
/// Types a plain (unquoted) scalar by the YAML 1.2 core schema, as Kubernetes' YAML-to-JSON step does for the common
/// cases: null, booleans, integers (decimal, 0x, 0o) and floats. Quoted scalars and explicit <c>!!str</c> stay strings.
/// </summary>
internal static partial class YamlScalarResolver
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JsonNode? Resolve(string value, bool plain, string? tag)
    {
        if (!plain || tag == StringTag || tag == "!")
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ => ResolveNumber(value) ?? JsonValue.Create(value),
        };
    }

    private static JsonNode? ResolveNumber(string value)
    {
        if (DecimalInteger().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (value.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(value[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        if (value.StartsWith("0o", StringComparison.Ordinal) && value.Length > 2 && value[2..].All(c => c is >= '0' and <= '7'))
        {
            return JsonValue.Create(Convert.ToInt64(value[2..], 8));
        }

        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        // .inf and .nan have no JSON form; keeping them as strings lets the typed readers report a clear type error.
        return null;
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
