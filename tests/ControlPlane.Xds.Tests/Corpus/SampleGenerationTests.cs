namespace ControlPlane.Xds.Tests.Corpus;

using ControlPlane.Testing.SharedData;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Push;
using ControlPlane.Model.State;
using ControlPlane.Testing.Xds;

/// <summary>
/// Each networking file of Istio's samples, loaded with its sample's Services, must give a sidecar in the file's
/// namespace a snapshot that hangs together (<see cref="XdsSnapshotConsistency"/>): every referenced cluster, route
/// configuration and EDS name exists, no name is duplicated, every Any packs a known type.
/// </summary>
public sealed class SampleGenerationTests
{
    private static readonly string[] SixKinds = ["VirtualService", "DestinationRule", "ServiceEntry", "WorkloadEntry", "Gateway", "Sidecar"];

    [SharedDataFact]
    public void Every_sample_networking_file_generates_a_consistent_sidecar_snapshot()
    {
        var samples = Path.Combine(SharedData.Require(), "samples");
        var failures = new List<string>();
        var checkedFiles = 0;
        foreach (var file in ConfigFiles(samples))
        {
            checkedFiles++;
            failures.AddRange(Check(file, ServiceFiles(samples, file)));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedFiles > 30, $"only {checkedFiles} sample files were checked");
    }

    private static IEnumerable<string> Check(string file, IReadOnlyList<string> serviceFiles)
    {
        var text = string.Join("\n---\n", serviceFiles.Append(file).Select(File.ReadAllText));
        var result = YamlMeshLoader.LoadText(text, Path.GetFileName(file), MeshConfig.Default);
        // Refusing TLS termination with a credential is deliberate until secret delivery exists.
        var errors = result.Problems
            .Where(p => p.Severity == ProblemSeverity.Error && !p.Message.Contains("needs secret delivery", StringComparison.Ordinal))
            .Select(p => $"{file}: {p}");
        var store = new MeshStore();
        store.Apply("corpus", result.Delta);
        var push = PushContextBuilder.Build(store.Current);
        var ns = result.Delta.UpsertedConfigs.Select(c => c.Meta.Namespace).FirstOrDefault() ?? "default";
        var proxy = SampleProxies.Sidecar("client-0", ns, "10.250.0.1", new Dictionary<string, string> { ["app"] = "client" }, push.Mesh.DomainSuffix);
        var snapshot = EnvoySnapshots.ForSidecar(push, proxy);
        return errors.Concat(snapshot.Problems().Select(p => $"{file} (sidecar in {ns}): {p}"));
    }

    /// <summary>Files of the samples holding any of the six kinds; Gateway-API variants are another API and skipped.</summary>
    private static IEnumerable<string> ConfigFiles(string samples) =>
        Directory.EnumerateFiles(samples, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}gateway-api{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && SixKinds.Any(k => text.Contains($"kind: {k}\n", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// What a file is applied on top of, as the sample's instructions say: bookinfo's main platform file (its other
    /// platform files are alternatives of the same Services) and, for its routing files, the DestinationRules that define
    /// the subsets they name; else the sample's main file, or every file of its folder that declares a core Service,
    /// unless the file declares its own.
    /// </summary>
    private static IReadOnlyList<string> ServiceFiles(string samples, string file)
    {
        var sample = Path.GetRelativePath(samples, file).Split(Path.DirectorySeparatorChar)[0];
        var root = Path.Combine(samples, sample);
        if (sample == "bookinfo")
        {
            var rules = Path.Combine(root, "networking", "destination-rule-all.yaml");
            var routes = File.ReadAllText(file).Contains("kind: VirtualService\n", StringComparison.Ordinal)
                && !File.ReadAllText(file).Contains("kind: DestinationRule\n", StringComparison.Ordinal);
            return routes ? [Path.Combine(root, "platform", "kube", "bookinfo.yaml"), rules] : [Path.Combine(root, "platform", "kube", "bookinfo.yaml")];
        }

        if (File.ReadAllText(file).Contains("kind: Service\n", StringComparison.Ordinal))
        {
            return [];
        }

        // A sample's main file (tcp-echo/tcp-echo.yaml) is the one to apply; its siblings are IP-family variants.
        var main = Path.Combine(root, $"{sample}.yaml");
        if (File.Exists(main) && main != file)
        {
            return [main];
        }

        return [.. Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => f != file && !f.Contains("gateway-api", StringComparison.Ordinal) && !f.Contains("dual-stack", StringComparison.Ordinal) && !f.Contains("nodeport", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("kind: Service\n", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }
}
