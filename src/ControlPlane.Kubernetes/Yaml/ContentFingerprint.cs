namespace ControlPlane.Kubernetes.Yaml;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>
/// A hash of a model record's content: its JSON form with object keys sorted, so that dictionaries compare by content
/// whatever their enumeration order. Model records compare their collections by reference, hence this.
/// </summary>
internal static class ContentFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Of(object value)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), Options);
        var canonical = new StringBuilder();
        Write(node, canonical);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Write(JsonNode? node, StringBuilder output)
    {
        switch (node)
        {
            case JsonObject obj:
                output.Append('{');
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    output.Append(JsonSerializer.Serialize(key)).Append(':');
                    Write(child, output);
                    output.Append(',');
                }

                output.Append('}');
                break;
            case JsonArray array:
                output.Append('[');
                foreach (var child in array)
                {
                    Write(child, output);
                    output.Append(',');
                }

                output.Append(']');
                break;
            default:
                output.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
