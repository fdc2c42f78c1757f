namespace ControlPlane.Kubernetes.Schema.Cel;

using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Schema;

/// <summary>
/// CEL values as plain CLR objects: null, bool, long, double, string, <see cref="List{T}"/> of values,
/// <see cref="Dictionary{TKey, TValue}"/> keyed by string, <see cref="TimeSpan"/> (duration) and <see cref="Uri"/> (url).
/// </summary>
internal static class CelValues
{
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(pair => pair.Key, pair => FromJson(pair.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(FromJson).ToList(),
        JsonValue value => Scalar(value),
        _ => null,
    };

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        long => "int",
        double => "double",
        string => "string",
        List<object?> => "list",
        Dictionary<string, object?> => "map",
        TimeSpan => "duration",
        Uri => "url",
        _ => value.GetType().Name,
    };

    public static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (null, null) => true,
        (long a, double b) => a == b,
        (double a, long b) => a == b,
        (List<object?> a, List<object?> b) => a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second)),
        (Dictionary<string, object?> a, Dictionary<string, object?> b) =>
            a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && AreEqual(pair.Value, other)),
        _ => object.Equals(left, right),
    };

    public static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long a, double b) => ((double)a).CompareTo(b),
        (double a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (TimeSpan a, TimeSpan b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new CelEvaluationException($"no such overload: {TypeName(left)} < {TypeName(right)}"),
    };

    /// <summary>YAML cannot tell <c>1</c> from <c>1.0</c> once parsed; a whole number is an int, as the schema's integer type expects.</summary>
    private static object Number(double d) => d == Math.Floor(d) && Math.Abs(d) < 9e15 ? (long)d : d;

    private static object? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.TryGetValue<long>(out var whole) ? whole : Number(SchemaText.Number(value)),
        _ => null,
    };
}
