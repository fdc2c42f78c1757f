namespace ControlPlane.Kubernetes.Mesh;

using System.Globalization;
using ControlPlane.Model.Config.DestinationRules;
using ControlPlane.Model.Mesh;
using YamlDotNet.RepresentationModel;

/// <summary>
/// MeshConfig's <c>tcpKeepalive</c> (the DestinationRule's <c>TcpKeepalive</c> message): upstream keepalive on every
/// cluster, which a DestinationRule overrides field by field.
/// </summary>
internal static class MeshTcpKeepaliveReader
{
    private const string Field = "tcpKeepalive";

    public static TcpKeepaliveSettings? Read(YamlNode value, MeshConfigReadSession s)
    {
        if (s.Mapping(Field, value) is not { } map)
        {
            return null;
        }

        var keepalive = new TcpKeepaliveSettings();
        foreach (var (key, child) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            var path = $"{Field}.{name}";
            keepalive = name switch
            {
                "probes" => Probes(path, child, s) is { } probes ? keepalive with { Probes = probes } : keepalive,
                "time" => s.Duration(path, child) is { } time ? keepalive with { Time = time } : keepalive,
                "interval" => s.Duration(path, child) is { } interval ? keepalive with { Interval = interval } : keepalive,
                _ => Unknown(path, keepalive, s),
            };
        }

        return keepalive;
    }

    private static uint? Probes(string path, YamlNode node, MeshConfigReadSession s) =>
        node is YamlScalarNode { Value: { } text } && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var probes)
            ? probes
            : s.ErrorValue<uint>(path, "expected a non-negative integer");

    private static TcpKeepaliveSettings Unknown(string path, TcpKeepaliveSettings keepalive, MeshConfigReadSession s)
    {
        _ = s.Unused(path, MeshConfig.Default);
        return keepalive;
    }
}
