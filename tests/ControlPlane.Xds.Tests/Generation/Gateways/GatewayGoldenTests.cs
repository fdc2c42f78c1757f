namespace ControlPlane.Xds.Tests.Generation.Gateways;

using ControlPlane.Testing.Xds;

/// <summary>
/// Gateway translation goldens: each <c>Gateways/Golden/&lt;case&gt;/input.yaml</c> names its gateway Pods in a
/// <c># golden-gateways: pod.ns</c> comment; each gets a full gateway snapshot that must be consistent and equal
/// <c>&lt;pod.ns&gt;.{cds,eds,lds,rds}.json</c> exactly. <c>UPDATE_GOLDENS=1</c> rewrites the expected files.
/// </summary>
public sealed class GatewayGoldenTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(GatewayGoldens.Root())
            .Where(d => File.Exists(Path.Combine(d, "input.yaml")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gateway_config_matches_golden(string name)
    {
        var directory = Path.Combine(GatewayGoldens.Root(), name);
        var yaml = File.ReadAllText(Path.Combine(directory, "input.yaml"));
        var push = GoldenFiles.Load(yaml, $"{name}/input.yaml");
        var proxies = GatewayProxies.Read(yaml, push.Mesh.DomainSuffix);
        Assert.NotEmpty(proxies);

        var mismatches = new List<string>();
        foreach (var (proxyName, proxy) in proxies)
        {
            var snapshot = GatewaySnapshots.For(push, proxy);
            XdsSnapshotConsistency.AssertConsistent(snapshot);
            Assert.NotEmpty(snapshot.Listeners);
            mismatches.AddRange(GoldenFiles.Compare(directory, proxyName, snapshot));
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\nRun with UPDATE_GOLDENS=1 to accept the new output.");
    }

    /// <summary>With one cache shared by every gateway of the case (each generated twice), the bytes equal fresh generation.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Cached_gateway_generation_equals_fresh_generation(string name)
    {
        var yaml = File.ReadAllText(Path.Combine(GatewayGoldens.Root(), name, "input.yaml"));
        var push = GoldenFiles.Load(yaml, $"{name}/input.yaml");
        var caches = new SharedResourceCache();

        foreach (var round in new[] { 1, 2 })
        {
            foreach (var (proxyName, proxy) in GatewayProxies.Read(yaml, push.Mesh.DomainSuffix))
            {
                var fresh = GatewaySnapshots.For(push, proxy);
                var cached = GatewaySnapshots.For(push, proxy, caches: caches.Caches);
                Assert.True(GoldenFiles.Bytes(fresh).SequenceEqual(GoldenFiles.Bytes(cached)), $"{proxyName}, round {round}: cached output differs from fresh output");
            }
        }

        Assert.True(caches.Count > 0, "the cache was never used");
    }
}
