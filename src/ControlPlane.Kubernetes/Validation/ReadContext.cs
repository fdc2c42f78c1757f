namespace ControlPlane.Kubernetes.Validation;

using System.Text.Json.Nodes;

/// <summary>
/// State shared by the readers of one document: where problems go, the source line of every node, and every strict
/// reader created, so that fields nobody read can be reported as unknown once conversion is done.
/// </summary>
internal sealed class ReadContext(ProblemCollector problems, IReadOnlyDictionary<JsonNode, int> lines)
{
    private readonly List<FieldReader> readers = [];

    public ProblemCollector Problems { get; } = problems;

    /// <summary>A strict reader over <paramref name="node"/> at <paramref name="path"/> (empty for the document root).</summary>
    public FieldReader Read(JsonObject node, string path) => new(node, path, this, strict: true);

    /// <summary>Warns once for every field present in a strict object that no converter read, accepted or ignored.</summary>
    public void ReportUnknownFields()
    {
        foreach (var reader in readers)
        {
            reader.ReportUnknown();
        }
    }

    internal void Track(FieldReader reader) => readers.Add(reader);

    internal string WithLine(string message, JsonNode? node) =>
        node is not null && lines.TryGetValue(node, out var line) ? $"{message} (line {line})" : message;
}
