namespace ControlPlane.Kubernetes.Schema.Cel;

/// <summary>CEL's binary operators other than the logical ones, with its overloads (no implicit int/double mixing in arithmetic).</summary>
internal static class CelOperators
{
    public static object? Binary(string op, object? left, object? right) => op switch
    {
        "==" => CelValues.AreEqual(left, right),
        "!=" => !CelValues.AreEqual(left, right),
        "<" => CelValues.Compare(left, right) < 0,
        "<=" => CelValues.Compare(left, right) <= 0,
        ">" => CelValues.Compare(left, right) > 0,
        ">=" => CelValues.Compare(left, right) >= 0,
        "in" => In(left, right),
        _ => Arithmetic(op, left, right),
    };

    private static bool In(object? item, object? container) => container switch
    {
        List<object?> list => list.Any(element => CelValues.AreEqual(element, item)),
        Dictionary<string, object?> map => item is string key && map.ContainsKey(key),
        _ => throw new CelEvaluationException($"no such overload: in {CelValues.TypeName(container)}"),
    };

    private static object Arithmetic(string op, object? left, object? right) => (op, left, right) switch
    {
        ("+", long a, long b) => checked(a + b),
        ("-", long a, long b) => checked(a - b),
        ("*", long a, long b) => checked(a * b),
        ("/", long _, 0L) or ("%", long _, 0L) => throw new CelEvaluationException("division by zero"),
        ("/", long a, long b) => a / b,
        ("%", long a, long b) => a % b,
        ("+", double a, double b) => a + b,
        ("-", double a, double b) => a - b,
        ("*", double a, double b) => a * b,
        ("/", double a, double b) => a / b,
        ("+", string a, string b) => a + b,
        ("+", List<object?> a, List<object?> b) => a.Concat(b).ToList(),
        ("+", TimeSpan a, TimeSpan b) => a + b,
        ("-", TimeSpan a, TimeSpan b) => a - b,
        _ => throw new CelEvaluationException($"no such overload: {CelValues.TypeName(left)} {op} {CelValues.TypeName(right)}"),
    };
}
