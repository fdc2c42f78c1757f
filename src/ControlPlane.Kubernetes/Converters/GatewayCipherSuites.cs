namespace ControlPlane.Kubernetes.Converters;

using System.Collections.Frozen;
using System.Collections.Immutable;

/// <summary>
/// istiod's <c>ValidCipherSuites</c>/<c>IsValidCipherSuite</c>/<c>FilterCipherSuites</c> (<c>pkg/config/security</c>):
/// the BoringSSL names a Gateway may list. Anything else would make Envoy reject the listener, so it is dropped (with a
/// validation warning), as are repeats.
/// </summary>
internal static class GatewayCipherSuites
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA", "ECDHE-RSA-AES256-SHA",
        "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Empty and <c>ALL</c> pass, and so does anything not starting with a letter or digit: BoringSSL cipher expressions
    /// such as <c>-AES128-SHA</c> or <c>[A|B]</c>, which istiod lets through without parsing.
    /// </summary>
    public static bool IsValid(string suite) =>
        suite.Length == 0 || suite == "ALL" || !char.IsLetterOrDigit(suite[0]) || Known.Contains(suite);

    /// <summary>The valid suites, each once, in the order given.</summary>
    public static ImmutableArray<string> Filter(ImmutableArray<string> suites) =>
        [.. suites.Where(IsValid).Distinct(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Invalid(ImmutableArray<string> suites) =>
        [.. suites.Where(s => !IsValid(s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Duplicates(ImmutableArray<string> suites) =>
        [.. suites.Where(IsValid).GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal)];
}
