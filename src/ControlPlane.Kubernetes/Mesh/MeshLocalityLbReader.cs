namespace ControlPlane.Kubernetes.Mesh;

using System.Collections.Immutable;
using System.Globalization;
using ControlPlane.Kubernetes.Validation;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using YamlDotNet.RepresentationModel;

/// <summary>
/// MeshConfig's <c>localityLbSetting</c>: the mesh-wide default for services whose DestinationRule sets none. Checked
/// with the DestinationRule's rules; like istiod's <c>ValidateMeshConfig</c>, the failover-needs-outlier-detection
/// warning does not apply here (each cluster's own outlier detection decides).
/// </summary>
internal static class MeshLocalityLbReader
{
    private const string Field = "localityLbSetting";

    public static LocalityLbSetting? Read(YamlNode value, MeshConfigReadSession s)
    {
        if (s.Mapping(Field, value) is not { } map)
        {
            return null;
        }

        var setting = new LocalityLbSetting();
        foreach (var (key, child) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var path = $"{Field}.{name}";
            setting = name switch
            {
                "enabled" => setting with { Enabled = s.Bool(path, child) },
                "distribute" => setting with { Distribute = ReadList(path, child, s, ReadDistribution) },
                "failover" => setting with { Failover = ReadList(path, child, s, ReadFailover) },
                "failoverPriority" => setting with { FailoverPriority = ReadList(path, child, s, (p, n, rs) => rs.String(p, n)) },
                _ => Unknown(path, setting, s),
            };
        }

        foreach (var problem in LocalityLbSettingRules.Check(setting, hasOutlierDetection: true))
        {
            s.Error($"{Field}: {problem.Message}");
        }

        return setting;
    }

    /// <summary>Unknown fields are warnings, as everywhere in the mesh config.</summary>
    private static LocalityLbSetting Unknown(string path, LocalityLbSetting setting, MeshConfigReadSession s)
    {
        _ = s.Unused(path, MeshConfig.Default);
        return setting;
    }

    private static ImmutableArray<T> ReadList<T>(
        string path, YamlNode node, MeshConfigReadSession s, Func<string, YamlNode, MeshConfigReadSession, T?> read)
        where T : class
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        if (s.Sequence(path, node) is { } sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (read(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), sequence.Children[i], s) is { } item)
                {
                    builder.Add(item);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static LocalityDistribution? ReadDistribution(string path, YamlNode node, MeshConfigReadSession s)
    {
        if (s.Mapping(path, node) is not { } map)
        {
            return null;
        }

        var from = map.Children.TryGetValue(new YamlScalarNode("from"), out var f) ? s.String($"{path}.from", f) ?? "" : "";
        var weights = ImmutableArray.CreateBuilder<LocalityWeight>();
        if (map.Children.TryGetValue(new YamlScalarNode("to"), out var t) && s.Mapping($"{path}.to", t) is { } to)
        {
            foreach (var (locality, weight) in to.Children)
            {
                var name = ((YamlScalarNode)locality).Value ?? "";
                if (s.Port($"{path}.to.{name}", weight) is { } number)
                {
                    weights.Add(new LocalityWeight(name, (uint)number));
                }
            }
        }

        return new LocalityDistribution(from, weights.ToImmutable());
    }

    private static LocalityFailover? ReadFailover(string path, YamlNode node, MeshConfigReadSession s)
    {
        if (s.Mapping(path, node) is not { } map)
        {
            return null;
        }

        string Text(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? s.String($"{path}.{key}", v) ?? "" : "";

        return new LocalityFailover(Text("from"), Text("to"));
    }
}
