namespace ControlPlane.Xds.Tests.Corpus;

using ControlPlane.Testing.SharedData;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ControlPlane.Testing.Xds;
using ControlPlane.Xds.Tests.Generation;
using YamlDotNet.RepresentationModel;

/// <summary>
/// Goldens for Istio's bookinfo networking samples, read at test time from the shared reference data (never copied):
/// each <c>Golden/bookinfo-*/shared-inputs.txt</c> lists sample files applied on top of bookinfo's platform YAML, and
/// productpage's sidecar snapshot must equal the JSON files next to it. Pods are made from bookinfo's Deployments, one
/// each, so endpoints exist. <c>UPDATE_GOLDENS=1</c> rewrites the expected files.
/// </summary>
public sealed class BookinfoGoldenTests
{
    private const string Proxy = "productpage-v1-0.default";

    [SharedDataFact]
    public void Bookinfo_networking_cases_match_their_goldens()
    {
        var cases = Directory.GetDirectories(GoldenRoot(), "bookinfo-*")
            .Where(d => File.Exists(Path.Combine(d, "shared-inputs.txt")))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(cases);
        var mismatches = cases.SelectMany(Check).ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches) + "\nRun with UPDATE_GOLDENS=1 to accept the new output.");
    }

    private static IEnumerable<string> Check(string directory)
    {
        var istio = SharedData.Require();
        var platform = File.ReadAllText(Path.Combine(istio, "samples", "bookinfo", "platform", "kube", "bookinfo.yaml"));
        var inputs = File.ReadAllLines(Path.Combine(directory, "shared-inputs.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => File.ReadAllText(Path.Combine(istio, l)));
        var text = string.Join("\n---\n", new[] { platform, PodsFor(platform) }.Concat(inputs));
        var push = GoldenFiles.Load(text, Path.GetFileName(directory));
        var proxy = SampleProxies.Sidecar("productpage-v1-0", "default", "10.1.0.10",
            new Dictionary<string, string> { ["app"] = "productpage", ["version"] = "v1" }, push.Mesh.DomainSuffix);
        var snapshot = EnvoySnapshots.ForSidecar(push, proxy);
        Assert.Empty(snapshot.Problems());
        return GoldenFiles.Compare(directory, Proxy, snapshot);
    }

    /// <summary>One running Pod per Deployment, with the template's labels and service account; IPs from 10.1.0.10 in file order.</summary>
    private static string PodsFor(string platform)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(platform));
        var pods = new List<string>();
        foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().Where(r => Scalar(r, "kind") == "Deployment"))
        {
            var template = (YamlMappingNode)((YamlMappingNode)root["spec"])["template"];
            var labels = new JsonObject();
            foreach (var (key, value) in ((YamlMappingNode)((YamlMappingNode)template["metadata"])["labels"]).Children)
            {
                labels[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value;
            }

            var name = Scalar((YamlMappingNode)root["metadata"], "name");
            pods.Add(new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Pod",
                ["metadata"] = new JsonObject { ["name"] = $"{name}-0", ["namespace"] = "default", ["labels"] = labels },
                ["spec"] = new JsonObject { ["serviceAccountName"] = Scalar((YamlMappingNode)template["spec"], "serviceAccountName") },
                ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = $"10.1.0.{10 + pods.Count}" },
            }.ToJsonString());
        }

        return string.Join("\n---\n", pods);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? (value as YamlScalarNode)?.Value : null;

    private static string GoldenRoot([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "..", "Generation", "Golden");
}
