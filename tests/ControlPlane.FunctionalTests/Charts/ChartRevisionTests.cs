namespace ControlPlane.FunctionalTests.Charts;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Host;
using ControlPlane.Host.Cli;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Leadership;

/// <summary>
/// The chart and the host agree on a revision: the Deployment passes <c>revision</c> as <c>--revision</c>, the ConfigMap
/// the chart renders is the one the host then reads (<c>istio-&lt;revision&gt;</c>), and <c>writeStatus</c> turns status
/// writes on under the Lease name the notes print.
/// </summary>
public sealed partial class ChartRevisionTests
{
    [Theory]
    [InlineData("", "istio")]
    [InlineData("canary", "istio-canary")]
    public void The_deployment_passes_the_revision_whose_configmap_the_chart_renders_and_the_host_reads(string revision, string configMap)
    {
        var options = ParseArgs(RepositoryFiles.Template("deployment.yaml").Replace("{{ .Values.revision }}", revision, StringComparison.Ordinal));

        Assert.Equal(revision, options.Revision);
        Assert.Equal(configMap, ChartMeshConfigMapName(revision));
        Assert.Equal(configMap, HostMeshConfigMapName(options.Revision));
    }

    [Fact]
    public void Write_status_in_the_deployment_turns_status_writes_on_under_the_lease_the_notes_name()
    {
        // With its actions removed the template shows every conditional argument, --write-status=on included.
        var options = ParseArgs(RepositoryFiles.Template("deployment.yaml"));
        var deployment = RepositoryFiles.Template("deployment.yaml");

        Assert.True(options.WriteStatus);
        Assert.Matches(@"\{\{- if \.Values\.writeStatus \}\}\s*- --write-status=on\s*\{\{- end \}\}", deployment);
        Assert.Equal("istio-status-leader", new LeaderElectionOptions().LeaseName);
        Assert.Equal("istio-status-leader-canary", KubernetesClusterSource.LeaseNameFor(new ClusterSourceOptions { Revision = "canary" }));
        Assert.Contains("istio-status-leader{{ if .Values.revision }}-{{ .Values.revision }}{{ end }}", RepositoryFiles.Template("NOTES.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_values_leave_status_writes_off()
    {
        var values = YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.yaml")))!;

        Assert.False((bool)values["writeStatus"]!);
        Assert.Equal("", (string?)values["revision"]);
    }

    private static ControlPlaneOptions ParseArgs(string deploymentTemplate)
    {
        var withNamespace = deploymentTemplate.Replace("{{ .Release.Namespace }}", "istio-system", StringComparison.Ordinal);
        var deployment = YamlJson.Parse(TemplateActions.WithoutActions(withNamespace))!;
        var container = Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        var args = container["args"]!.AsArray().OfType<JsonNode>().Select(a => (string)a!).ToList();
        var (options, error) = CommandLine.Parse(args);
        Assert.True(error is null, error + ": " + string.Join(" | ", args));
        return options!;
    }

    /// <summary>The chart's <c>controlplane.meshConfigMapName</c> helper, evaluated by reading its two branches.</summary>
    private static string ChartMeshConfigMapName(string revision)
    {
        var helper = HelperPattern().Match(RepositoryFiles.Template("_helpers.tpl"));
        Assert.True(helper.Success, "_helpers.tpl defines controlplane.meshConfigMapName with an if/else on .Values.revision");
        return revision.Length > 0 ? helper.Groups["with"].Value.Replace("{{ .Values.revision }}", revision, StringComparison.Ordinal) : helper.Groups["without"].Value;
    }

    private static string HostMeshConfigMapName(string revision) =>
        (string)typeof(ClusterSourceOptions).Assembly.GetType("ControlPlane.Kubernetes.Cluster.ClusterInformers", throwOnError: true)!
            .GetMethod("MeshConfigMapNameFor")!.Invoke(null, [revision])!;

    [GeneratedRegex(@"define ""controlplane\.meshConfigMapName"" -\}\}\s*\{\{- if \.Values\.revision -\}\}\s*(?<with>[^\n]+?)\s*\{\{- else -\}\}\s*(?<without>\S+)\s*\{\{- end -\}\}")]
    private static partial Regex HelperPattern();
}
