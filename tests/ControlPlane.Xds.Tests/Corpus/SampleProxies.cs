namespace ControlPlane.Xds.Tests.Corpus;

using System.Collections.Frozen;
using ControlPlane.Model.Proxies;

/// <summary>Sidecar proxies for corpus tests, described as pilot-agent would describe a pod's sidecar.</summary>
internal static class SampleProxies
{
    public static Proxy Sidecar(string pod, string ns, string ip, IReadOnlyDictionary<string, string> labels, string domainSuffix)
    {
        var domain = $"{ns}.svc.{domainSuffix}";
        return new Proxy
        {
            Id = $"sidecar~{ip}~{pod}.{ns}~{domain}",
            IpAddresses = [ip],
            WorkloadName = $"{pod}.{ns}",
            Namespace = ns,
            DnsDomain = domain,
            Labels = labels.ToFrozenDictionary(StringComparer.Ordinal),
            ClusterId = "Kubernetes",
            IstioVersion = "1.24.0",
        };
    }
}
