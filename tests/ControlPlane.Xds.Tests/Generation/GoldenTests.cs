namespace ControlPlane.Xds.Tests.Generation;

using System.Runtime.CompilerServices;
using ControlPlane.Testing.Xds;

/// <summary>
/// Translation goldens: each <c>Golden/&lt;case&gt;/input.yaml</c> is loaded like the YAML source does, every proxy it
/// names gets a full sidecar snapshot, and each type must equal <c>&lt;proxy&gt;.{cds,eds,lds,rds}.json</c> exactly.
/// <c>UPDATE_GOLDENS=1</c> rewrites the expected files instead (see Golden/README.md).
/// </summary>
public sealed class GoldenTests
{
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
        var push = GoldenFiles.Load(yaml, $"{name}/input.yaml");
        var proxies = GoldenProxies.Read(yaml, push.Mesh.DomainSuffix);
        Assert.NotEmpty(proxies);

        var mismatches = new List<string>();
        foreach (var (proxyName, proxy) in proxies)
        {
            var snapshot = EnvoySnapshots.ForSidecar(push, proxy);
            Assert.Empty(snapshot.Problems());
            mismatches.AddRange(GoldenFiles.Compare(directory, proxyName, snapshot));
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
        var push = GoldenFiles.Load(yaml, $"{name}/input.yaml");
        var proxies = GoldenProxies.Read(yaml, push.Mesh.DomainSuffix);
        var cache = new SharedResourceCache();

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var (proxyName, proxy) in proxies)
            {
                var fresh = EnvoySnapshots.ForSidecar(push, proxy);
                var cached = EnvoySnapshots.ForSidecar(push, proxy, cache);
                Assert.True(GoldenFiles.Bytes(fresh).SequenceEqual(GoldenFiles.Bytes(cached)), $"{proxyName}, round {round}: cached output differs from fresh output");
            }
        }

        Assert.True(cache.Count > 0, "the cache was never used");
    }

    private static string GoldenRoot([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
