namespace ControlPlane.Kubernetes.Validation;

using System.Text.RegularExpressions;

/// <summary>
/// istiod's <c>namespace/dnsName</c> host syntax for Sidecar egress hosts (namespace required) and Gateway server hosts
/// (namespace optional): the namespace is <c>*</c>, <c>.</c>, <c>~</c> (none) or a DNS label, the name is <c>*</c>,
/// <c>*.suffix</c> or a DNS name.
/// </summary>
internal static partial class NamespacedHost
{
    /// <summary>Null when acceptable, else why not.</summary>
    public static string? Check(string host, bool sidecar)
    {
        var parts = host.Split('/');
        if (parts.Length > 2 || (sidecar && parts.Length != 2))
        {
            return sidecar
                ? $"'{host}' must have the form namespace/dnsName (e.g. ./*, istio-system/*, */api.example.com)"
                : $"'{host}' must be a DNS name, optionally prefixed by a namespace and a slash (namespace/dnsName)";
        }

        if (parts.Length == 2 && !IsNamespace(parts[0]))
        {
            return $"'{host}': the namespace '{parts[0]}' must be *, ., ~ or a DNS-1123 label";
        }

        var name = parts[^1];
        return name == "*" || IsDomain(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name)
            ? null
            : $"'{host}': '{name}' is not *, a *.suffix wildcard or a DNS name";
    }

    /// <summary><c>*</c>, <c>*.suffix</c> or a DNS name (short names such as <c>reviews</c> included).</summary>
    public static bool IsWildcardDomain(string name) =>
        name == "*" || IsDomain(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name);

    private static bool IsNamespace(string ns) => ns is "*" or "." or "~" || KubeNames.CheckLabel(ns) is null;

    private static bool IsDomain(string name) =>
        name.Length is > 0 and <= 255 && name.TrimEnd('.').Split('.').All(label => Label().IsMatch(label));

    [GeneratedRegex("^[a-zA-Z0-9](?:[-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$")]
    private static partial Regex Label();
}
