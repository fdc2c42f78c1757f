namespace ControlPlane.Kubernetes.Cluster;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Endpoints;
using k8s;
using k8s.Models;

/// <summary>
/// Renders an object read from the API server as the JSON tree the YAML path's converters read, so both sources share
/// one conversion. Lists omit apiVersion and kind on their items, so both are set from the informer's kind.
/// </summary>
internal static class ClusterObjectRenderer
{
    /// <summary>Node labels that give a pod its locality, as istiod reads them from the pod's node.</summary>
    private static readonly string[] NodeLocalityLabels = [LocalityLabels.Region, LocalityLabels.Zone, LocalityLabels.SubZone];

    public static JsonObject Render(IKubernetesObject<V1ObjectMeta> value, string apiVersion, string kind)
    {
        var body = JsonNode.Parse(KubernetesJson.Serialize(value))!.AsObject();
        body["apiVersion"] = apiVersion;
        body["kind"] = kind;
        if (body["metadata"] is JsonObject metadata)
        {
            // Written by controllers and the API server, never by users: not worth a warning per object.
            metadata.Remove("generateName");
        }

        return body;
    }

    /// <summary>The node's locality labels the pod does not set itself; empty without a known node.</summary>
    public static IReadOnlyDictionary<string, string> NodeLocality(V1Pod pod, IReadOnlyDictionary<string, V1Node> nodes)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (pod.Spec?.NodeName is { } nodeName && nodes.TryGetValue(nodeName, out var node) && node.Metadata?.Labels is { } labels)
        {
            foreach (var label in NodeLocalityLabels)
            {
                if (labels.TryGetValue(label, out var value) && pod.Metadata?.Labels?.ContainsKey(label) != true)
                {
                    result[label] = value;
                }
            }
        }

        return result;
    }

    public static JsonObject WithLabels(JsonObject body, IReadOnlyDictionary<string, string> extra)
    {
        if (extra.Count == 0)
        {
            return body;
        }

        var metadata = body["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            metadata["labels"] = labels = new JsonObject();
        }

        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return body;
    }
}
