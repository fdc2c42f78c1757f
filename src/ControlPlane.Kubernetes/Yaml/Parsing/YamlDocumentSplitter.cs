namespace ControlPlane.Kubernetes.Yaml.Parsing;

using System.Text;

/// <summary>
/// Cuts a multi-document file at its <c>---</c> / <c>...</c> markers before any parsing, so that a syntax error in one
/// document cannot take the others down with it. A marker is only recognised at column 0, where YAML content of a
/// document can never start with three dashes (block scalars are always indented below a top-level key).
/// </summary>
internal static class YamlDocumentSplitter
{
    public static IReadOnlyList<YamlChunk> Split(string text)
    {
        var chunks = new List<YamlChunk>();
        var current = new StringBuilder();
        var startLine = 1;
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (IsDocumentEnd(line))
            {
                Flush(chunks, current, startLine);
                startLine = lineNumber + 1;
                continue;
            }

            if (IsDocumentStart(line))
            {
                Flush(chunks, current, startLine);
                startLine = lineNumber;
            }

            current.Append(line).Append('\n');
        }

        Flush(chunks, current, startLine);
        return chunks;
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static bool IsDocumentEnd(string line) =>
        line.StartsWith("...", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static void Flush(List<YamlChunk> chunks, StringBuilder current, int startLine)
    {
        var text = current.ToString();
        current.Clear();
        if (HasContent(text))
        {
            chunks.Add(new YamlChunk(text, startLine));
        }
    }

    /// <summary>Whether anything but blank lines, comments and a bare document marker is left.</summary>
    private static bool HasContent(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                line = line[3..].Trim();
            }

            if (line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('%'))
            {
                return true;
            }
        }

        return false;
    }
}
