namespace ControlPlane.Kubernetes.Schema;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

/// <summary>Finds the node a finding's field path names (<c>spec.http[0].match</c>, <c>spec.labels["a.b/c"]</c>), to report its line.</summary>
internal static partial class SchemaPath
{
    public static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (Match segment in Segment().Matches(path))
        {
            node = segment.Groups["index"].Success
                ? node is JsonArray list && int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < list.Count ? list[i] : null
                : node is JsonObject map ? map[segment.Groups["key"].Success ? segment.Groups["key"].Value : segment.Groups["name"].Value] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    [GeneratedRegex(@"\[""(?<key>[^""]*)""\]|\[(?<index>\d+)\]|(?<name>[^.\[\]]+)")]
    private static partial Regex Segment();
}
