namespace ControlPlane.Kubernetes.Yaml.Parsing;

using System.Text.Json.Nodes;

/// <summary>
/// One YAML document of a file: its JSON tree, or why it could not be parsed. <see cref="Index"/> counts the file's
/// non-empty documents from 0; <see cref="Origin"/> is the <c>file#index</c> form used in problem reports.
/// </summary>
internal sealed record ParsedDocument(string File, int Index)
{
    public JsonNode? Root { get; init; }

    public IReadOnlyDictionary<JsonNode, int> Lines { get; init; } = new Dictionary<JsonNode, int>();

    /// <summary>The syntax error, when the document could not be parsed.</summary>
    public string? Error { get; init; }

    /// <summary>A <c>kind:</c> found by a plain text scan of an unparsable document, to name it in the report.</summary>
    public string? KindHint { get; init; }

    public string Origin => $"{File}#{Index}";
}
