namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Collections.Frozen;
using ControlPlane.Model.Proxies;

/// <summary>Gateway proxies (<c>router~</c> nodes) as pilot-agent describes an ingress or east-west gateway pod.</summary>
internal static class GatewayProxies
{
    public static Proxy Router(string pod, string ns, string ip, IReadOnlyDictionary<string, string> labels, string domainSuffix = "cluster.local")
    {
        var domain = $"{ns}.svc.{domainSuffix}";
        return new Proxy
        {
            Id = $"router~{ip}~{pod}.{ns}~{domain}",
            Type = ProxyType.Router,
            IpAddresses = [ip],
            WorkloadName = $"{pod}.{ns}",
            Namespace = ns,
            DnsDomain = domain,
            Labels = labels.ToFrozenDictionary(StringComparer.Ordinal),
            ClusterId = "Kubernetes",
            IstioVersion = "1.24.0",
        };
    }

    /// <summary>The proxies named by a <c># golden-gateways: pod.ns, ...</c> comment, from those Pods' IPs and labels.</summary>
    public static List<(string Name, Proxy Proxy)> Read(string yaml, string domainSuffix) =>
        [.. GoldenProxies.Read(yaml.Replace("# golden-gateways:", "# golden-proxies:", StringComparison.Ordinal), domainSuffix)
            .Select(p => (p.Name, AsRouter(p.Proxy)))];

    private static Proxy AsRouter(Proxy sidecar) => sidecar with
    {
        Id = "router~" + sidecar.Id["sidecar~".Length..],
        Type = ProxyType.Router,
    };
}
