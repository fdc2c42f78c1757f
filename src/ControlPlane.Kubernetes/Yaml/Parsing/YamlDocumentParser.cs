namespace ControlPlane.Kubernetes.Yaml.Parsing;

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

/// <summary>Parses each document of a file on its own: one broken document never hides its neighbours.</summary>
internal static partial class YamlDocumentParser
{
    public static IReadOnlyList<ParsedDocument> Parse(string text, string file)
    {
        var documents = new List<ParsedDocument>();
        foreach (var chunk in YamlDocumentSplitter.Split(text))
        {
            documents.AddRange(ParseChunk(chunk, file, documents.Count));
        }

        return documents;
    }

    private static IEnumerable<ParsedDocument> ParseChunk(YamlChunk chunk, string file, int firstIndex)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(chunk.Text));
        }
        catch (YamlException ex)
        {
            var line = (int)ex.Start.Line + chunk.StartLine - 1;
            return [Failed(chunk, file, firstIndex, $"YAML syntax error at line {line}, column {ex.Start.Column}: {Describe(ex)}")];
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return [Failed(chunk, file, firstIndex, $"YAML structure error: {ex.Message}")];
        }

        var results = new List<ParsedDocument>();
        foreach (var document in stream.Documents)
        {
            results.Add(Convert(document, chunk, file, firstIndex + results.Count));
        }

        return results;
    }

    private static ParsedDocument Convert(YamlDocument document, YamlChunk chunk, string file, int index)
    {
        try
        {
            var (root, lines) = YamlTreeBuilder.Build(document.RootNode, chunk.StartLine - 1);
            return new ParsedDocument(file, index) { Root = root, Lines = lines };
        }
        catch (FormatException ex)
        {
            return Failed(chunk, file, index, $"YAML structure error: {ex.Message}");
        }
    }

    private static ParsedDocument Failed(YamlChunk chunk, string file, int index, string error)
    {
        var kind = KindLine().Match(chunk.Text);
        return new ParsedDocument(file, index)
        {
            Error = error,
            KindHint = kind.Success ? kind.Groups[1].Value : null,
        };
    }

    /// <summary>YamlDotNet nests the useful message one level down for some errors.</summary>
    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex(@"^kind:\s*[""']?([A-Za-z]+)", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
