namespace ControlPlane.Model.Proxies;

using System.Collections.Frozen;
using System.Collections.Immutable;
using ControlPlane.Model.Services;

/// <summary>
/// Parses Istio's node id <c>type~ip~pod.namespace~namespace.svc.domain</c> plus the metadata fields istiod reads
/// (<c>NAMESPACE</c>, <c>LABELS</c>, <c>INSTANCE_IPS</c>, <c>GENERATOR</c>, ...). Metadata wins over the id where both say.
/// </summary>
public static class ProxyNodeParser
{
    /// <summary>Parses a node. <paramref name="labels"/> comes from the <c>LABELS</c> struct, flattened by the caller.</summary>
    /// <exception cref="FormatException">The id is not in Istio's four-part form.</exception>
    public static Proxy Parse(string nodeId, IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> labels) =>
        Parse(nodeId, metadata, labels, Locality.Unknown);

    /// <summary>Parses a node with the <c>locality</c> the Envoy node reported (region, zone, sub_zone).</summary>
    /// <exception cref="FormatException">The id is not in Istio's four-part form.</exception>
    public static Proxy Parse(
        string nodeId, IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, string> labels, Locality locality)
    {
        var parts = nodeId.Split('~');
        if (parts.Length != 4)
        {
            throw new FormatException($"node id '{nodeId}' is not of the form type~ip~pod.namespace~domain");
        }

        var type = parts[0] switch
        {
            "sidecar" => ProxyType.Sidecar,
            "router" => ProxyType.Router,
            _ => throw new FormatException($"node id '{nodeId}': unknown proxy type '{parts[0]}' (sidecar or router)"),
        };

        var workload = parts[2];
        var dnsDomain = parts[3];
        var ns = metadata.GetValueOrDefault("NAMESPACE")
            ?? NamespaceFromWorkload(workload)
            ?? FirstLabel(dnsDomain)
            ?? "default";

        var ips = metadata.TryGetValue("INSTANCE_IPS", out var instanceIps) && !string.IsNullOrWhiteSpace(instanceIps)
            ? instanceIps.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
            : [parts[1]];

        var generator = metadata.GetValueOrDefault("GENERATOR") ?? "";
        return new Proxy
        {
            Id = nodeId,
            Type = type,
            Kind = generator.Equals("grpc", StringComparison.OrdinalIgnoreCase) ? ProxyKind.ProxylessGrpc : ProxyKind.Envoy,
            IpAddresses = ips,
            WorkloadName = workload,
            Namespace = ns,
            DnsDomain = dnsDomain,
            Labels = labels.ToFrozenDictionary(StringComparer.Ordinal),
            ClusterId = metadata.GetValueOrDefault("CLUSTER_ID") ?? "",
            Locality = locality,
            IstioVersion = metadata.GetValueOrDefault("ISTIO_VERSION") ?? "",
            InterceptionMode = metadata.GetValueOrDefault("INTERCEPTION_MODE") ?? "REDIRECT",
            Metadata = metadata.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private static string? NamespaceFromWorkload(string workload)
    {
        var dot = workload.LastIndexOf('.');
        return dot > 0 && dot < workload.Length - 1 ? workload[(dot + 1)..] : null;
    }

    private static string? FirstLabel(string dnsDomain)
    {
        var dot = dnsDomain.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? dnsDomain[..dot] : null;
    }
}
