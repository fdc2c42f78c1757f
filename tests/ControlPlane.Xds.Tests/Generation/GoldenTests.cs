namespace ControlPlane.Xds.Tests.Generation;

using System.Runtime.CompilerServices;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Generation;
using Google.Protobuf.WellKnownTypes;

/// <summary>
/// Translation goldens: each <c>Golden/&lt;case&gt;/input.yaml</c> is loaded like the YAML source does, every proxy it
/// names gets a full sidecar snapshot, and each type must equal <c>&lt;proxy&gt;.{cds,eds,lds,rds}.json</c> exactly.
/// <c>UPDATE_GOLDENS=1</c> rewrites the expected files instead (see Golden/README.md).
/// </summary>
public sealed class GoldenTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDENS") == "1";

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(GoldenRoot())
            .Where(d => File.Exists(Path.Combine(d, "input.yaml")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_config_matches_golden(string name)
    {
        var directory = Path.Combine(GoldenRoot(), name);
        var yaml = File.ReadAllText(Path.Combine(directory, "input.yaml"));
        var push = Load(yaml, name);
        var proxies = GoldenProxies.Read(yaml, push.Mesh.DomainSuffix);
        Assert.NotEmpty(proxies);

        var mismatches = new List<string>();
        foreach (var (proxyName, proxy) in proxies)
        {
            var snapshot = EnvoySnapshots.ForSidecar(push, proxy);
            Assert.Empty(snapshot.Problems());
            Compare(directory, $"{proxyName}.cds.json", snapshot.Clusters, mismatches);
            Compare(directory, $"{proxyName}.eds.json", snapshot.Endpoints, mismatches);
            Compare(directory, $"{proxyName}.lds.json", snapshot.Listeners, mismatches);
            Compare(directory, $"{proxyName}.rds.json", snapshot.Routes, mismatches);
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\nRun with UPDATE_GOLDENS=1 to accept the new output.");
    }

    /// <summary>
    /// Generate once, send many: with one cache shared by every proxy of the case (each generated twice, so the second
    /// round is served from it), every resource is byte-for-byte what fresh generation gives.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Cached_generation_equals_fresh_generation(string name)
    {
        var directory = Path.Combine(GoldenRoot(), name);
        var yaml = File.ReadAllText(Path.Combine(directory, "input.yaml"));
        var push = Load(yaml, name);
        var proxies = GoldenProxies.Read(yaml, push.Mesh.DomainSuffix);
        var cache = new SharedResourceCache();

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var (proxyName, proxy) in proxies)
            {
                var fresh = EnvoySnapshots.ForSidecar(push, proxy);
                var cached = EnvoySnapshots.ForSidecar(push, proxy, cache);
                Assert.True(Bytes(fresh).SequenceEqual(Bytes(cached)), $"{proxyName}, round {round}: cached output differs from fresh output");
            }
        }

        Assert.True(cache.Count > 0, "the cache was never used");
    }

    private static IEnumerable<string> Bytes(XdsSnapshot snapshot) =>
        new[] { snapshot.Clusters, snapshot.Endpoints, snapshot.Listeners, snapshot.Routes }
            .SelectMany(resources => resources)
            .Select(r => r.TypeUrl + ":" + Convert.ToBase64String(r.Value.Span));

    private static PushContext Load(string yaml, string name)
    {
        var result = YamlMeshLoader.LoadText(yaml, $"{name}/input.yaml", MeshConfig.Default);
        Assert.Empty(result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
        var store = new MeshStore();
        store.Apply("golden", result.Delta);
        return PushContextBuilder.Build(store.Current);
    }

    private static void Compare(string directory, string file, IReadOnlyList<Any> resources, List<string> mismatches)
    {
        var actual = Render(resources);
        var path = Path.Combine(directory, file);
        if (Update)
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected != actual)
        {
            mismatches.Add(expected is null ? $"{file}: missing" : $"{file}: differs at line {FirstDifference(expected, actual)}");
        }
    }

    /// <summary>A JSON array of the resources in generation order, each rendered as Envoy's config dump would.</summary>
    private static string Render(IReadOnlyList<Any> resources) =>
        resources.Count == 0 ? "[]\n" : "[\n" + string.Join(",\n", resources.Select(EnvoyJson.Format)) + "\n]\n";

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

    private static string GoldenRoot([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
