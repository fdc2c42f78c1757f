namespace ControlPlane.Kubernetes.Yaml.Parsing;

using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Turns a YamlDotNet document into a JSON tree (the shape Kubernetes and CRD schemas validate) and remembers the file
/// line of every node for error messages. Aliases are expanded by copying, with a depth and size cap so that a document
/// of nested aliases cannot blow up memory.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 200_000;

    private readonly Dictionary<JsonNode, int> lines = new(ReferenceEqualityComparer.Instance);
    private readonly int lineOffset;
    private int nodeCount;

    private YamlTreeBuilder(int lineOffset)
    {
        this.lineOffset = lineOffset;
    }

    /// <summary>Builds the tree; throws <see cref="FormatException"/> for structures JSON cannot hold.</summary>
    public static (JsonNode? Root, IReadOnlyDictionary<JsonNode, int> Lines) Build(YamlNode root, int lineOffset)
    {
        var builder = new YamlTreeBuilder(lineOffset);
        var tree = builder.Convert(root, 0);
        return (tree, builder.lines);
    }

    private JsonNode? Convert(YamlNode node, int depth)
    {
        if (depth > MaxDepth || ++nodeCount > MaxNodes)
        {
            throw new FormatException($"document nests too deeply or expands to too many nodes (line {LineOf(node)})");
        }

        var result = node switch
        {
            YamlMappingNode mapping => ConvertMapping(mapping, depth),
            YamlSequenceNode sequence => ConvertSequence(sequence, depth),
            YamlScalarNode scalar => YamlScalarResolver.Resolve(
                scalar.Value ?? "",
                scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any,
                scalar.Tag.IsEmpty ? null : scalar.Tag.Value),
            _ => throw new FormatException($"unsupported YAML node at line {LineOf(node)}"),
        };
        if (result is not null)
        {
            lines[result] = LineOf(node);
        }

        return result;
    }

    private JsonObject ConvertMapping(YamlMappingNode mapping, int depth)
    {
        var result = new JsonObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                throw new FormatException($"mapping keys must be plain strings (line {LineOf(keyNode)})");
            }

            if (result.ContainsKey(key))
            {
                throw new FormatException($"duplicate key '{key}' (line {LineOf(keyNode)})");
            }

            result[key] = Convert(valueNode, depth + 1);
        }

        return result;
    }

    private JsonArray ConvertSequence(YamlSequenceNode sequence, int depth)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Children)
        {
            result.Add(Convert(item, depth + 1));
        }

        return result;
    }

    private int LineOf(YamlNode node) => (int)node.Start.Line + lineOffset;
}
