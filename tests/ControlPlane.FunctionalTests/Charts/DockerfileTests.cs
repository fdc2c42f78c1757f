namespace ControlPlane.FunctionalTests.Charts;

using System.Text.RegularExpressions;

/// <summary>The repository's Dockerfile: multi-stage, non-root, the host's two ports; built where a Docker engine answers.</summary>
public sealed class DockerfileTests
{
    private static string Dockerfile => File.ReadAllText(Path.Combine(RepositoryFiles.Root, "Dockerfile"));

    private static IReadOnlyList<string> Instructions(string keyword) =>
        [.. Dockerfile.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(l => l[(keyword.Length + 1)..].Trim())];

    [Fact]
    public void It_is_multi_stage_with_a_build_and_a_runtime_image()
    {
        var stages = Instructions("FROM");

        Assert.True(stages.Count >= 2, "expected a build stage and a runtime stage");
        Assert.Contains(stages, s => s.Contains("dotnet/sdk", StringComparison.Ordinal));
        Assert.Contains("dotnet/aspnet", stages[^1], StringComparison.Ordinal);
        Assert.Contains(Instructions("RUN"), r => r.Contains("dotnet publish", StringComparison.Ordinal) && r.Contains("-c Release", StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_user_is_a_numeric_non_root_uid()
    {
        var user = Instructions("USER")[^1];
        var uid = Regex.Match(user, "^([0-9]+)(:[0-9]+)?$");

        Assert.True(uid.Success, $"USER {user} is not numeric");
        Assert.NotEqual(0, int.Parse(uid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void It_exposes_the_xds_and_monitoring_ports_and_runs_the_host()
    {
        Assert.Equal(["15010", "15014"], Instructions("EXPOSE").SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order());
        Assert.Contains("ControlPlane.Host", Instructions("ENTRYPOINT").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_default_image_is_the_one_the_dockerfile_documents()
    {
        var values = YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.yaml")))!;
        var repository = (string?)values["image"]!["repository"];

        Assert.Equal("controlplane", repository);
        Assert.Contains($"/{repository}:", Dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryFiles.Root, ".dockerignore")));
    }

    [DockerEngineFact]
    public void Docker_build_succeeds()
    {
        var docker = ExternalTool.Find("docker")!;
        var (exitCode, output) = ExternalTool.Run(docker, ["build", "-t", "controlplane:functional-test", "."], TimeSpan.FromMinutes(20));

        Assert.True(exitCode == 0, output);
    }
}
