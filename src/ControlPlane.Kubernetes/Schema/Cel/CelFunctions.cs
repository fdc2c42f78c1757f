namespace ControlPlane.Kubernetes.Schema.Cel;

using System.Globalization;
using System.Text.RegularExpressions;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config;

/// <summary>
/// The CEL standard and Kubernetes-library functions that Istio's CRD rules call. Regular expressions are RE2 in CEL;
/// .NET's engine accepts the RE2 syntax those rules use, and runs with a timeout so a rule cannot hang a load.
/// </summary>
internal static class CelFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static object? Global(string function, List<object?> args) => (function, args) switch
    {
        ("size", [var x]) => Size(x),
        ("int", [var x]) => ToInt(x),
        ("string", [bool b]) => b ? "true" : "false",
        ("string", [var x]) when x is string or long or double => Convert.ToString(x, CultureInfo.InvariantCulture),
        ("duration", [string text]) => GoDuration.TryParse(text, out var d) ? d : throw new CelEvaluationException($"invalid duration '{text}'"),
        ("url", [string text]) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new CelEvaluationException($"invalid url '{text}'"),
        ("isURL", [string text]) => Uri.TryCreate(text, UriKind.Absolute, out _),
        _ => throw new CelUnsupportedException($"function {function}() with {args.Count} arguments"),
    };

    public static object? Method(object? target, string function, List<object?> args) => (target, function, args) switch
    {
        (_, "size", []) => Size(target),
        (string s, "startsWith", [string p]) => s.StartsWith(p, StringComparison.Ordinal),
        (string s, "endsWith", [string p]) => s.EndsWith(p, StringComparison.Ordinal),
        (string s, "contains", [string p]) => s.Contains(p, StringComparison.Ordinal),
        (string s, "matches", [string pattern]) => Matches(s, pattern),
        (string s, "substring", [long start]) => Substring(s, start, s.Length),
        (string s, "substring", [long start, long end]) => Substring(s, start, end),
        (string s, "lowerAscii", []) => s.ToLowerInvariant(),
        (string s, "upperAscii", []) => s.ToUpperInvariant(),
        (Uri u, "getScheme", []) => u.Scheme,
        (Uri u, "getHost", []) => u.Host,
        (Uri u, "getPath", []) => u.AbsolutePath,
        _ => throw new CelUnsupportedException($"method {CelValues.TypeName(target)}.{function}() with {args.Count} arguments"),
    };

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        List<object?> list => list.Count,
        Dictionary<string, object?> map => map.Count,
        _ => throw new CelEvaluationException($"size() of {CelValues.TypeName(value)}"),
    };

    private static long ToInt(object? value) => value switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new CelEvaluationException($"cannot convert {CelValues.TypeName(value)} '{value}' to int"),
    };

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new CelEvaluationException($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    private static string Substring(string text, long start, long end)
    {
        if (start < 0 || end > text.Length || start > end)
        {
            throw new CelEvaluationException($"substring({start}, {end}) out of range for a string of length {text.Length}");
        }

        return text[(int)start..(int)end];
    }
}
