namespace ControlPlane.Xds.Tests.Generation.Gateways;

using System.Runtime.CompilerServices;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using Google.Protobuf.WellKnownTypes;

/// <summary>Loading inputs and comparing snapshots with the expected JSON files under <c>Gateways/Golden</c>.</summary>
internal static class GatewayGoldens
{
    public static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1";

    public static string Root([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    public static PushContext Load(string yaml, string origin)
    {
        var result = YamlMeshLoader.LoadText(yaml, origin, MeshConfig.Default);
        Assert.Empty(result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
        var store = new MeshStore();
        store.Apply("golden", result.Delta);
        return PushContextBuilder.Build(store.Current);
    }

    /// <summary>Compares (or, with <c>UPDATE_GOLDENS=1</c>, writes) the four files of one proxy; returns the mismatches.</summary>
    public static IEnumerable<string> Compare(string directory, string proxyName, XdsSnapshot snapshot)
    {
        return new[]
        {
            CompareFile(directory, $"{proxyName}.cds.json", snapshot.Clusters),
            CompareFile(directory, $"{proxyName}.eds.json", snapshot.Endpoints),
            CompareFile(directory, $"{proxyName}.lds.json", snapshot.Listeners),
            CompareFile(directory, $"{proxyName}.rds.json", snapshot.Routes),
        }.OfType<string>();
    }

    private static string? CompareFile(string directory, string file, IReadOnlyList<Any> resources)
    {
        var actual = resources.Count == 0 ? "[]\n" : "[\n" + string.Join(",\n", resources.Select(EnvoyJson.Format)) + "\n]\n";
        var path = Path.Combine(directory, file);
        if (Update)
        {
            File.WriteAllText(path, actual);
            return null;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        return expected == actual ? null : $"{Path.GetFileName(directory)}/{file}: {(expected is null ? "missing" : "differs")}";
    }
}
