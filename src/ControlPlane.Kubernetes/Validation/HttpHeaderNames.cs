namespace ControlPlane.Kubernetes.Validation;

using System.Text.RegularExpressions;

/// <summary>istiod's header-name rules for matches and for header operations.</summary>
internal static partial class HttpHeaderNames
{
    /// <summary>A header a route matches on: a token of letters, digits, '-' and '_', or a <c>@request.auth.claims.</c> claim.</summary>
    public static string? CheckMatchName(string name) =>
        name.Length == 0 ? "header name cannot be empty"
        : name.StartsWith("@request.auth.claims", StringComparison.Ordinal) || Token().IsMatch(name) ? null
        : $"'{name}' is not a valid header name (letters, digits, '-' and '_')";

    /// <summary>A header set or added on a request: pseudo-headers other than <c>:authority</c> are Envoy's own.</summary>
    public static string? CheckRequestSetName(string name) =>
        name.Length == 0 ? "header name cannot be empty"
        : name.StartsWith(':') && !IsAuthority(name) ? $"invalid header '{name}': header cannot have ':' prefix"
        : null;

    /// <summary>A header removed, or set on a response: Host and pseudo-headers are off limits.</summary>
    public static string? CheckOtherOperationName(string name) =>
        name.Length == 0 ? "header name cannot be empty"
        : string.Equals(name, "host", StringComparison.OrdinalIgnoreCase) ? $"invalid header '{name}': cannot set Host header"
        : name.StartsWith(':') ? $"invalid header '{name}': header cannot have ':' prefix"
        : null;

    private static bool IsAuthority(string name) =>
        string.Equals(name, ":authority", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[-_A-Za-z0-9]+$")]
    private static partial Regex Token();
}
