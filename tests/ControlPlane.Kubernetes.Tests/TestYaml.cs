namespace ControlPlane.Kubernetes.Tests;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Config;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.Services;

/// <summary>Loading helpers: YAML text in, model objects out.</summary>
internal static class TestYaml
{
    public const string Origin = "test.yaml";

    public static YamlLoadResult Load(string yaml) => YamlMeshLoader.LoadText(yaml, Origin, MeshConfig.Default);

    public static T Config<T>(this YamlLoadResult result, string name)
        where T : IstioConfig =>
        result.Delta.UpsertedConfigs.OfType<T>().Single(c => c.Meta.Name == name);

    public static Service Service(this YamlLoadResult result, string hostname) =>
        result.Delta.UpsertedServices.Single(s => s.Hostname == hostname);

    public static IReadOnlyList<Endpoint> Endpoints(this YamlLoadResult result, string hostname) =>
        result.Delta.UpsertedEndpoints.Single(e => e.Service.Hostname == hostname).Endpoints;

    public static IReadOnlyList<ConfigProblem> Errors(this YamlLoadResult result) =>
        result.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();

    public static IReadOnlyList<ConfigProblem> Warnings(this YamlLoadResult result) =>
        result.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList();

    public static void AssertNoProblems(this YamlLoadResult result) =>
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
}
