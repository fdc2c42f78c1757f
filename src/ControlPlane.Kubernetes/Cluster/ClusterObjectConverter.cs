namespace ControlPlane.Kubernetes.Cluster;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Assembling;
using ControlPlane.Kubernetes.Informers;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;

/// <summary>
/// Converts API objects with the YAML source's reader (same validation, same model records) and remembers each result by
/// its stamp, so a rebuild converts only objects that changed since the last one. Not thread-safe: one rebuild at a time.
/// With a CRD bundle, objects of the kinds it defines are schema-checked first, as the YAML source checks them.
/// </summary>
internal sealed class ClusterObjectConverter(CrdSchemaSet? schemas = null)
{
    private Dictionary<(string Kind, ResourceKey Key), ConvertedObject> converted = [];
    private Dictionary<(string Kind, ResourceKey Key), ConvertedObject> seen = [];
    private MeshConfig? mesh;

    /// <summary>Objects converted (not served from memory) since this instance was made.</summary>
    public int Conversions { get; private set; }

    /// <summary>Starts a rebuild. A different MeshConfig (its domain suffix, say) invalidates every remembered result.</summary>
    public void Begin(MeshConfig current)
    {
        if (!ReferenceEquals(current, mesh))
        {
            converted.Clear();
            mesh = current;
        }

        seen = [];
    }

    public ConvertedObject Convert(string kind, ResourceKey key, string stamp, Func<JsonObject> render)
    {
        if (!converted.TryGetValue((kind, key), out var result) || result.Stamp != stamp)
        {
            result = ConvertNow(kind, key, stamp, render());
            Conversions++;
        }

        seen[(kind, key)] = result;
        return result;
    }

    /// <summary>Ends a rebuild: objects not seen in it are gone from the cluster and are forgotten.</summary>
    public void End() => converted = seen;

    private ConvertedObject ConvertNow(string kind, ResourceKey key, string stamp, JsonObject body)
    {
        var origin = $"kubernetes:{kind}/{key}";
        var inputs = new MeshInputs();
        var problems = new List<ConfigProblem>();
        new YamlObjectReader(mesh!, inputs, problems, [], schemas).Read(new ParsedDocument(origin, 0) { Root = body });
        object? value = inputs.Namespaces.FirstOrDefault() as object
            ?? inputs.Services.FirstOrDefault() as object
            ?? inputs.Pods.FirstOrDefault() as object
            ?? inputs.Slices.FirstOrDefault() as object
            ?? inputs.Configs.FirstOrDefault();
        return new ConvertedObject(stamp, origin, value, problems);
    }
}
