namespace ControlPlane.Xds.Tests.Generation;

using System.Collections.Frozen;
using ControlPlane.Model.Proxies;
using YamlDotNet.RepresentationModel;

/// <summary>
/// The proxies a golden case renders: named by a <c># golden-proxies: pod.ns, ...</c> comment in <c>input.yaml</c>, each
/// built from that Pod's IP and labels as pilot-agent would describe it.
/// </summary>
internal static class GoldenProxies
{
    private const string Marker = "# golden-proxies:";

    public static List<(string Name, Proxy Proxy)> Read(string yaml, string domainSuffix)
    {
        var wanted = yaml.Split('\n')
            .Where(l => l.StartsWith(Marker, StringComparison.Ordinal))
            .SelectMany(l => l[Marker.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
        var pods = Pods(yaml);
        return [.. wanted.Select(name => (name, pods.TryGetValue(name, out var pod)
            ? ToProxy(pod, domainSuffix)
            : throw new InvalidOperationException($"golden proxy {name}: no Pod {name} (pod.namespace) in input.yaml")))];
    }

    private static Proxy ToProxy(YamlMappingNode pod, string domainSuffix)
    {
        var metadata = (YamlMappingNode)pod["metadata"];
        var name = Scalar(metadata, "name");
        var ns = Scalar(metadata, "namespace") ?? "default";
        var ip = pod.Children.TryGetValue("status", out var status) ? Scalar((YamlMappingNode)status, "podIP") : null;
        var labels = metadata.Children.TryGetValue("labels", out var node)
            ? ((YamlMappingNode)node).Children.ToFrozenDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value ?? "", StringComparer.Ordinal)
            : FrozenDictionary<string, string>.Empty;
        var domain = $"{ns}.svc.{domainSuffix}";
        return new Proxy
        {
            Id = $"sidecar~{ip}~{name}.{ns}~{domain}",
            IpAddresses = [ip ?? throw new InvalidOperationException($"golden proxy {name}.{ns}: the Pod has no status.podIP")],
            WorkloadName = $"{name}.{ns}",
            Namespace = ns,
            DnsDomain = domain,
            Labels = labels,
            ClusterId = "Kubernetes",
            IstioVersion = "1.24.0",
        };
    }

    private static Dictionary<string, YamlMappingNode> Pods(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var pods = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root && Scalar(root, "kind") == "Pod")
            {
                var metadata = (YamlMappingNode)root["metadata"];
                pods[$"{Scalar(metadata, "name")}.{Scalar(metadata, "namespace") ?? "default"}"] = root;
            }
        }

        return pods;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? (value as YamlScalarNode)?.Value : null;
}
