namespace ControlPlane.Kubernetes.Tests.Mesh;

using ControlPlane.Kubernetes.Mesh;
using ControlPlane.Testing.SharedData;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Every mesh config in istiod's own test data parses without errors: the <c>mesh</c> key of rendered <c>istio</c>
/// ConfigMaps, IstioOperator <c>spec.meshConfig</c> inputs, and plain mesh config files.
/// </summary>
public sealed class MeshConfigGoldenTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = SharedData.Istio is { } istio ? Path.Combine(istio, "meshconfig") : null;
        if (root is null || !Directory.Exists(root))
        {
            data.Add("");
            return data;
        }

        // Only files holding a mesh config: some operator inputs set other things only.
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => MeshTexts(File.ReadAllText(f)).Any()))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(Files))]
    public void Istiods_mesh_configs_parse_without_errors(string file)
    {
        Assert.False(string.IsNullOrEmpty(file), "no mesh config goldens under shared/data/istio/meshconfig");
        var meshes = MeshTexts(File.ReadAllText(Path.Combine(SharedData.Require(), "meshconfig", file))).ToList();

        Assert.NotEmpty(meshes);
        foreach (var text in meshes)
        {
            Assert.Empty(MeshConfigParser.Parse(text).Errors);
        }
    }

    private static IEnumerable<string> MeshTexts(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode map)
            {
                continue;
            }

            var kind = Child(map, "kind") is YamlScalarNode k ? k.Value : null;
            if (kind == "ConfigMap" && Child(map, "data") is YamlMappingNode data && Child(data, "mesh") is YamlScalarNode mesh)
            {
                yield return mesh.Value ?? "";
            }
            else if (kind == "IstioOperator" && Child(map, "spec") is YamlMappingNode spec && Child(spec, "meshConfig") is { } meshConfig)
            {
                var writer = new StringWriter();
                new YamlStream(new YamlDocument(meshConfig)).Save(writer, assignAnchors: false);
                yield return writer.ToString();
            }
            else if (kind is null)
            {
                yield return yaml;
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node : null;
}
