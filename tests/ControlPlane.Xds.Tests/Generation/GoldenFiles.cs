namespace ControlPlane.Xds.Tests.Generation;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// What every golden suite shares: loading an input like the YAML source does, and comparing a proxy's four types with
/// <c>&lt;proxy&gt;.{cds,eds,lds,rds}.json</c> (or, with <c>UPDATE_GOLDENS=1</c>, rewriting them).
/// </summary>
internal static class GoldenFiles
{
    public static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1";

    public static PushContext Load(string yaml, string origin)
    {
        var result = YamlMeshLoader.LoadText(yaml, origin, MeshConfig.Default);
        Assert.Empty(result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
        var store = new MeshStore();
        store.Apply("golden", result.Delta);
        return PushContextBuilder.Build(store.Current);
    }

    /// <summary>The mismatches of one proxy's snapshot, as <c>case/file: missing</c> or <c>case/file: differs at line N</c>.</summary>
    public static IEnumerable<string> Compare(string directory, string proxyName, XdsSnapshot snapshot) =>
        new[]
        {
            CompareFile(directory, $"{proxyName}.cds.json", snapshot.Clusters),
            CompareFile(directory, $"{proxyName}.eds.json", snapshot.Endpoints),
            CompareFile(directory, $"{proxyName}.lds.json", snapshot.Listeners),
            CompareFile(directory, $"{proxyName}.rds.json", snapshot.Routes),
        }.OfType<string>().Select(m => $"{Path.GetFileName(directory)}/{m}");

    /// <summary>Every resource of a snapshot as type URL and serialized bytes, in order: for byte-for-byte comparisons.</summary>
    public static IEnumerable<string> Bytes(XdsSnapshot snapshot) =>
        new[] { snapshot.Clusters, snapshot.Endpoints, snapshot.Listeners, snapshot.Routes }
            .SelectMany(resources => resources)
            .Select(r => r.TypeUrl + ":" + Convert.ToBase64String(r.Value.Span));

    /// <summary>A JSON array of the resources in generation order, each rendered as Envoy's config dump would.</summary>
    public static string Render(IReadOnlyList<Any> resources) =>
        resources.Count == 0 ? "[]\n" : "[\n" + string.Join(",\n", resources.Select(EnvoyJson.Format)) + "\n]\n";

    private static string? CompareFile(string directory, string file, IReadOnlyList<Any> resources)
    {
        var actual = Render(resources);
        var path = Path.Combine(directory, file);
        if (Update)
        {
            File.WriteAllText(path, actual);
            return null;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        return expected == actual ? null : expected is null ? $"{file}: missing" : $"{file}: differs at line {FirstDifference(expected, actual)}";
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < Math.Min(a.Length, b.Length) && a[line] == b[line])
        {
            line++;
        }

        return line + 1;
    }
}
