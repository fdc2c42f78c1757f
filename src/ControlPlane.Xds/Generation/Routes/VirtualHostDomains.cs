namespace ControlPlane.Xds.Generation.Routes;

using ControlPlane.Model.Services;

/// <summary>
/// <c>generateVirtualHostDomains</c> for sidecars, which match with <c>ignore_port_in_host_matching</c> and so never get
/// <c>:port</c> variants: the FQDN, the short forms the proxy's DNS search path allows (<c>GenerateAltVirtualHosts</c>),
/// <c>*.</c> forms for headless Kubernetes services, then every VIP.
/// </summary>
internal static class VirtualHostDomains
{
    public static (List<string> Domains, List<string> AltHosts) For(Service service, string proxyDnsDomain)
    {
        var altHosts = AltHosts(service.Hostname, proxyDnsDomain);
        var domains = new List<string> { service.Hostname };
        domains.AddRange(altHosts);

        if (service.Resolution == Resolution.Passthrough && service.Registry == "Kubernetes")
        {
            domains.AddRange(domains.Select(d => "*." + d).ToList());
        }

        foreach (var address in service.Addresses)
        {
            if (address.Length > 0 && address != Naming.EnvoyNames.WildcardIpv4)
            {
                domains.Add(address);
            }
        }

        return (domains, altHosts);
    }

    /// <summary>
    /// <c>GenerateAltVirtualHosts</c> with no port. A proxy in <c>ns.svc.suffix</c> reaches a same-namespace service as
    /// <c>name</c>, <c>name.ns.svc</c>, <c>name.ns</c>; another namespace's as <c>name.ns</c>, <c>name.ns.svc</c> (never the
    /// bare name). Hosts outside the Kubernetes suffix are not expanded.
    /// </summary>
    public static List<string> AltHosts(string hostname, string proxyDomain)
    {
        var svcIndex = proxyDomain.IndexOf(".svc.", StringComparison.Ordinal);
        if (svcIndex > 0)
        {
            return hostname.EndsWith(proxyDomain[svcIndex..], StringComparison.Ordinal)
                ? KubernetesAltHosts(hostname, proxyDomain[..svcIndex])
                : [];
        }

        return SharedSuffixAltHosts(hostname, proxyDomain);
    }

    private static List<string> KubernetesAltHosts(string hostname, string proxyNamespace)
    {
        var ih = hostname.IndexOf(".svc.", StringComparison.Ordinal);
        if (ih <= 0)
        {
            return [];
        }

        var ns = hostname.IndexOf('.', StringComparison.Ordinal);
        if (ns + 1 >= hostname.Length || ns + 1 > ih)
        {
            return [];
        }

        return hostname[(ns + 1)..ih] == proxyNamespace
            ? [hostname[..ns], hostname[..ih] + ".svc", hostname[..ih]]
            : [hostname[..ih], hostname[..ih] + ".svc"];
    }

    /// <summary>
    /// Non-Kubernetes proxy domains (<c>getUniqueAndSharedDNSDomain</c>): the host without the suffix it shares with the
    /// proxy domain, plus that plus the first shared label when the unique part has two labels.
    /// </summary>
    private static List<string> SharedSuffixAltHosts(string hostname, string proxyDomain)
    {
        var hostParts = hostname.Split('.');
        var domainParts = proxyDomain.Split('.');
        var shared = 0;
        while (shared < Math.Min(hostParts.Length, domainParts.Length)
               && hostParts[hostParts.Length - 1 - shared] == domainParts[domainParts.Length - 1 - shared])
        {
            shared++;
        }

        if (shared == 0)
        {
            return [];
        }

        var uniqueParts = hostParts[..(hostParts.Length - shared)];
        var unique = string.Join('.', uniqueParts);
        var result = new List<string> { unique };
        if (uniqueParts.Length == 2)
        {
            result.Add(unique + "." + hostParts[hostParts.Length - shared]);
        }

        return result;
    }
}
