namespace ControlPlane.Kubernetes.Mesh;

using System.Globalization;
using System.Text.RegularExpressions;
using ControlPlane.Model.Mesh;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Typed reads of one mesh config's scalar fields, collecting every problem rather than stopping at the first, so one
/// start-up error lists all of them. Not thread-safe: one per parse.
/// </summary>
internal sealed partial class MeshConfigReadSession
{
    private readonly List<string> warnings = [];
    private readonly List<string> errors = [];

    public IReadOnlyList<string> Warnings => warnings;

    public IReadOnlyList<string> Errors => errors;

    public void Error(string message) => errors.Add(message);

    public T? ErrorValue<T>(string field, string message)
        where T : struct
    {
        errors.Add($"{field}: {message}");
        return null;
    }

    public MeshConfig Unused(string field, MeshConfig mesh)
    {
        warnings.Add($"{field}: not used by this control plane yet; ignored");
        return mesh;
    }

    public string? String(string field, YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : Wrong<string>(field, "a string");

    public bool? Bool(string field, YamlNode node) => Scalar(field, node) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        null => null,
        _ => ErrorValue<bool>(field, "expected true or false"),
    };

    public int? Port(string field, YamlNode node) =>
        Scalar(field, node) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : ErrorValue<int>(field, "expected a port number (0-65535)");

    /// <summary>A protobuf Duration as istiod's YAML carries it: a Go-style duration such as <c>10s</c>, <c>1.5s</c> or <c>1m30s</c>.</summary>
    public TimeSpan? Duration(string field, YamlNode node)
    {
        if (Scalar(field, node) is not { } text)
        {
            return null;
        }

        var parts = DurationPart().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != text)
        {
            return ErrorValue<TimeSpan>(field, $"'{text}' is not a duration such as 10s or 1m30s");
        }

        var ticks = parts.Sum(p => double.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) * UnitTicks(p.Groups[2].Value));
        return TimeSpan.FromTicks((long)ticks);
    }

    public YamlMappingNode? Mapping(string field, YamlNode node) =>
        node as YamlMappingNode ?? (IsNull(node) ? new YamlMappingNode() : Wrong<YamlMappingNode>(field, "a mapping"));

    public YamlSequenceNode? Sequence(string field, YamlNode node) =>
        node as YamlSequenceNode ?? (IsNull(node) ? new YamlSequenceNode() : Wrong<YamlSequenceNode>(field, "a list"));

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Value: null or "" or "null" or "~" };

    private static double UnitTicks(string unit) => unit switch
    {
        "h" => TimeSpan.TicksPerHour,
        "m" => TimeSpan.TicksPerMinute,
        "s" => TimeSpan.TicksPerSecond,
        "ms" => TimeSpan.TicksPerMillisecond,
        "us" or "µs" => TimeSpan.TicksPerMicrosecond,
        _ => TimeSpan.TicksPerMicrosecond / 1000.0,
    };

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]*)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex DurationPart();

    private string? Scalar(string field, YamlNode node) => node is YamlScalarNode scalar ? scalar.Value ?? "" : Wrong<string>(field, "a scalar");

    private T? Wrong<T>(string field, string expected)
        where T : class
    {
        errors.Add($"{field}: expected {expected}");
        return null;
    }
}
