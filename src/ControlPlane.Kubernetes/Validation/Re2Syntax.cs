namespace ControlPlane.Kubernetes.Validation;

using System.Text.RegularExpressions;

/// <summary>
/// Checks that a regular expression is one Envoy's RE2 engine accepts, as istiod does before sending it: at most 1024
/// characters, it compiles, and it uses no construct RE2 lacks (look-around, back-references, atomic groups,
/// possessive quantifiers), which .NET would otherwise accept and Envoy would then NACK.
/// </summary>
internal static partial class Re2Syntax
{
    public const int MaxLength = 1024;

    /// <summary>Null when acceptable, else why not.</summary>
    public static string? Check(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return $"regex is too large, max length allowed is {MaxLength}";
        }

        if (Unsupported().Match(pattern) is { Success: true } construct)
        {
            return $"'{construct.Value}' is not RE2 syntax; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)";
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"'{pattern}' does not compile: {ex.Message}; Istio uses RE2 style regex-based match";
        }
    }

    // Look-ahead/behind, atomic groups, named back-references, numbered back-references, possessive quantifiers.
    [GeneratedRegex(@"\(\?(?:=|!|<=|<!|>)|\\k<|(?<!\\)\\[1-9]|[*+?}]\+")]
    private static partial Regex Unsupported();
}
