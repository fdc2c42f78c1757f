namespace ControlPlane.FunctionalTests.Charts;

/// <summary>The chart through the real helm CLI: lint, render with the defaults and with a revision, reject bad values.</summary>
public sealed class HelmChartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [HelmFact]
    public void Helm_lint_passes()
    {
        var (exitCode, output) = Helm("lint", "--strict", RepositoryFiles.Chart);

        Assert.True(exitCode == 0, output);
    }

    [HelmFact]
    public void Helm_template_renders_every_kind_with_the_defaults()
    {
        var (exitCode, output) = Helm("template", "cp", RepositoryFiles.Chart, "--namespace", "istio-system");

        Assert.True(exitCode == 0, output);
        var kinds = YamlJson.ParseAll(output).Select(d => (string?)d["kind"]).Order().ToList();
        Assert.Equal(
            ["ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"],
            kinds);
        Assert.Contains("name: controlplane\n", output, StringComparison.Ordinal);
        Assert.Contains("name: istio\n", output, StringComparison.Ordinal);
    }

    [HelmFact]
    public void A_revision_names_the_objects_and_autoscaling_off_sets_replicas()
    {
        var (exitCode, output) = Helm(
            "template", "cp", RepositoryFiles.Chart, "--namespace", "istio-system",
            "--set", "revision=canary", "--set", "autoscaleEnabled=false", "--set", "replicaCount=3");

        Assert.True(exitCode == 0, output);
        var documents = YamlJson.ParseAll(output);
        Assert.DoesNotContain(documents, d => (string?)d["kind"] == "HorizontalPodAutoscaler");
        var deployment = Assert.Single(documents, d => (string?)d["kind"] == "Deployment");
        Assert.Equal("controlplane-canary", (string?)deployment["metadata"]!["name"]);
        Assert.Equal(3L, (long)deployment["spec"]!["replicas"]!);
        Assert.Contains(documents, d => (string?)d["kind"] == "ConfigMap" && (string?)d["metadata"]!["name"] == "istio-canary");
    }

    [HelmFact]
    public void Write_status_adds_the_lease_and_status_grants_and_the_argument()
    {
        var (off, defaults) = Helm("template", "cp", RepositoryFiles.Chart, "--namespace", "istio-system");
        var (on, output) = Helm("template", "cp", RepositoryFiles.Chart, "--namespace", "istio-system", "--set", "writeStatus=true", "--set", "revision=canary");

        Assert.True(off == 0 && on == 0, defaults + output);
        Assert.DoesNotContain("leases", defaults, StringComparison.Ordinal);
        Assert.DoesNotContain("/status", defaults, StringComparison.Ordinal);
        Assert.DoesNotContain("--write-status", defaults, StringComparison.Ordinal);
        Assert.Contains("leases", output, StringComparison.Ordinal);
        Assert.Contains("virtualservices/status", output, StringComparison.Ordinal);
        Assert.Contains("--write-status=on", output, StringComparison.Ordinal);
        Assert.Contains("--revision=canary", output, StringComparison.Ordinal);
    }

    [HelmFact]
    public void Values_the_schema_rejects_fail_to_render()
    {
        var (exitCode, _) = Helm("template", "cp", RepositoryFiles.Chart, "--set", "image.pullPolicy=Sometimes");

        Assert.NotEqual(0, exitCode);
    }

    private static (int ExitCode, string Output) Helm(params string[] arguments) =>
        ExternalTool.Run(ExternalTool.Find("helm")!, arguments, Timeout);
}
