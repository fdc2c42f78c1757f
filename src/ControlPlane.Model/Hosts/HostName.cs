namespace ControlPlane.Model.Hosts;

using System.Net;

/// <summary>Istio host-name rules: short-name resolution and wildcard matching (<c>*</c>, <c>*.suffix</c>).</summary>
public static class HostName
{
    /// <summary>
    /// Istio's <c>ResolveShortnameToFQDN</c>: a name without a dot becomes <c>name.namespace.svc.domain</c>; <c>*</c>, IPs
    /// and anything with a dot are kept as written.
    /// </summary>
    public static string Resolve(string host, string configNamespace, string domainSuffix)
    {
        if (host == "*" || host.Contains('.', StringComparison.Ordinal) || IPAddress.TryParse(host, out _))
        {
            return host;
        }

        return $"{host}.{configNamespace}.svc.{domainSuffix}";
    }

    public static bool IsWildcard(string host) => host.StartsWith('*');

    /// <summary>Whether <paramref name="pattern"/> (possibly a wildcard) matches the concrete or wildcard <paramref name="host"/>.</summary>
    public static bool Matches(string pattern, string host)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..];
            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                // A wildcard host is matched only by an equal or wider wildcard.
                return host[1..].EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
            }

            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Either side matches the other: Istio's symmetric <c>Matches</c> used when pairing VirtualService and service hosts.</summary>
    public static bool Overlaps(string a, string b) => Matches(a, b) || Matches(b, a);

    /// <summary>Orders hosts from most to least specific: exact before wildcard, longer wildcard before shorter.</summary>
    public static int CompareSpecificity(string a, string b)
    {
        var aWild = IsWildcard(a);
        var bWild = IsWildcard(b);
        if (aWild != bWild)
        {
            return aWild ? 1 : -1;
        }

        var byLength = b.Length.CompareTo(a.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
    }
}
