namespace ControlPlane.Kubernetes.Mesh;

using System.Collections.Immutable;
using ControlPlane.Model.Mesh;
using YamlDotNet.RepresentationModel;

/// <summary>Reads MeshConfig <c>discoverySelectors</c>: Kubernetes label selectors with matchLabels and matchExpressions.</summary>
internal static class MeshSelectorReader
{
    private static readonly ImmutableHashSet<string> Operators = ["In", "NotIn", "Exists", "DoesNotExist"];

    public static ImmutableArray<DiscoverySelector>? Read(string field, YamlNode node, MeshConfigReadSession s)
    {
        if (s.Sequence(field, node) is not { } list)
        {
            return null;
        }

        var selectors = ImmutableArray.CreateBuilder<DiscoverySelector>();
        var before = s.Errors.Count;
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (s.Mapping($"{field}[{i}]", list.Children[i]) is { } map)
            {
                selectors.Add(ReadSelector($"{field}[{i}]", map, s));
            }
        }

        return s.Errors.Count == before ? selectors.ToImmutable() : null;
    }

    private static DiscoverySelector ReadSelector(string field, YamlMappingNode map, MeshConfigReadSession s)
    {
        var selector = new DiscoverySelector();
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value;
            selector = name switch
            {
                "matchLabels" => selector with { MatchLabels = ReadLabels($"{field}.matchLabels", value, s) },
                "matchExpressions" => selector with { MatchExpressions = ReadExpressions($"{field}.matchExpressions", value, s) },
                _ => Unknown($"{field}.{name}", selector, s),
            };
        }

        return selector;
    }

    private static DiscoverySelector Unknown(string field, DiscoverySelector selector, MeshConfigReadSession s)
    {
        s.Error($"{field}: unknown label selector field");
        return selector;
    }

    private static ImmutableDictionary<string, string> ReadLabels(string field, YamlNode node, MeshConfigReadSession s)
    {
        var labels = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (s.Mapping(field, node) is not { } map)
        {
            return labels.ToImmutable();
        }

        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (s.String($"{field}.{name}", value) is { } text)
            {
                labels[name] = text;
            }
        }

        return labels.ToImmutable();
    }

    private static ImmutableArray<DiscoverySelectorRequirement> ReadExpressions(string field, YamlNode node, MeshConfigReadSession s)
    {
        var list = s.Sequence(field, node)?.Children ?? [];
        var requirements = ImmutableArray.CreateBuilder<DiscoverySelectorRequirement>();
        for (var i = 0; i < list.Count; i++)
        {
            if (s.Mapping($"{field}[{i}]", list[i]) is { } map && ReadRequirement($"{field}[{i}]", map, s) is { } requirement)
            {
                requirements.Add(requirement);
            }
        }

        return requirements.ToImmutable();
    }

    private static DiscoverySelectorRequirement? ReadRequirement(string field, YamlMappingNode map, MeshConfigReadSession s)
    {
        var key = Child(map, "key") is { } k ? s.String($"{field}.key", k) : null;
        var op = Child(map, "operator") is { } o ? s.String($"{field}.operator", o) : null;
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var value in (Child(map, "values") is { } v ? s.Sequence($"{field}.values", v)?.Children : null) ?? [])
        {
            values.Add(s.String($"{field}.values", value) ?? "");
        }

        if (string.IsNullOrEmpty(key) || op is null || !Operators.Contains(op))
        {
            s.Error($"{field}: needs a key and an operator of In, NotIn, Exists or DoesNotExist");
            return null;
        }

        return new DiscoverySelectorRequirement(key, op, values.ToImmutable());
    }

    private static YamlNode? Child(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node : null;
}
