namespace ControlPlane.Kubernetes.Yaml;

using ControlPlane.Kubernetes.Assembling;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;

/// <summary>One load in progress: texts go in one by one, the joined result comes out once at the end.</summary>
internal sealed class YamlLoadSession
{
    private readonly MeshInputs inputs = new();
    private readonly List<SkippedObject> skipped = [];
    private readonly YamlObjectReader reader;

    public YamlLoadSession(MeshConfig mesh, CrdSchemaSet? schemas = null)
    {
        reader = new YamlObjectReader(mesh, inputs, Problems, skipped, schemas);
    }

    public List<ConfigProblem> Problems { get; } = [];

    public void Add(string text, string file)
    {
        foreach (var document in YamlDocumentParser.Parse(text, file))
        {
            reader.Read(document);
        }
    }

    public YamlLoadResult Complete(int fileCount)
    {
        var delta = MeshAssembler.Assemble(inputs, Problems);
        return new YamlLoadResult(delta, Problems.ToList())
        {
            ObjectCount = inputs.Count,
            FileCount = fileCount,
            Skipped = skipped,
        };
    }
}
