namespace ControlPlane.Model.Tests.Architecture;

using ControlPlane.Model.State;

/// <summary>The model stays registry- and protocol-neutral: the design's first rule.</summary>
public sealed class ModelDependencyTests
{
    [Fact]
    public void Model_references_no_kubernetes_grpc_or_protobuf_assembly()
    {
        var forbidden = new[] { "KubernetesClient", "k8s", "Grpc", "Google.Protobuf", "ControlPlane.Envoy", "YamlDotNet", "Microsoft.AspNetCore" };
        var references = typeof(MeshStore).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        var offending = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();

        Assert.True(offending.Count == 0, $"ControlPlane.Model references {string.Join(", ", offending)}");
        Assert.Contains(references, r => r.StartsWith("System.", StringComparison.Ordinal));
    }
}
