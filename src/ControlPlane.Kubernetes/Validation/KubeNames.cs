namespace ControlPlane.Kubernetes.Validation;

using System.Text.RegularExpressions;

/// <summary>Kubernetes object-name rules (apimachinery <c>validation</c>), checked because names become host names and keys.</summary>
internal static partial class KubeNames
{
    /// <summary>Names of most objects: a DNS-1123 subdomain.</summary>
    public static string? CheckSubdomain(string name) =>
        name.Length <= 253 && Subdomain().IsMatch(name)
            ? null
            : "must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253 characters)";

    /// <summary>Namespace names: a DNS-1123 label.</summary>
    public static string? CheckLabel(string name) =>
        name.Length <= 63 && Label().IsMatch(name)
            ? null
            : "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit (at most 63 characters)";

    /// <summary>Service names: a DNS-1035 label, since they become the first label of the service host name.</summary>
    public static string? CheckServiceName(string name) =>
        name.Length <= 63 && Dns1035().IsMatch(name)
            ? null
            : "must be a lowercase RFC 1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (at most 63 characters)";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();
}
