namespace ControlPlane.Testing.Kubernetes;

using System.Text.Json.Nodes;

/// <summary>JSON merge patch (RFC 7386), as the API server applies <c>application/merge-patch+json</c>.</summary>
public static class JsonMergePatch
{
    /// <summary>The patched value: objects merge key by key, a null removes its key, anything else replaces.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var merged = Apply(result[key]?.DeepClone(), value);
                result[key] = merged;
            }
        }

        return result;
    }
}
