namespace ControlPlane.FunctionalTests.Charts;

using System.Text.Json.Nodes;
using ControlPlane.Host.Cli;

/// <summary>What can be checked of the chart without helm: files present, templates well formed, the manifests' shape.</summary>
public sealed class ChartTemplateTests
{
    private static readonly string[] Templates =
    [
        "_helpers.tpl", "NOTES.txt", "deployment.yaml", "service.yaml", "serviceaccount.yaml", "clusterrole.yaml",
        "clusterrolebinding.yaml", "poddisruptionbudget.yaml", "horizontalpodautoscaler.yaml", "configmap.yaml",
        "role.yaml", "rolebinding.yaml",
    ];

    public static TheoryData<string> TemplateFiles => new(Templates);

    /// <summary>Every template that renders one Kubernetes object.</summary>
    public static TheoryData<string> ManifestFiles => new(Templates.Where(t => t.EndsWith(".yaml", StringComparison.Ordinal)));

    [Fact]
    public void The_chart_holds_exactly_the_expected_templates()
    {
        var present = Directory.GetFiles(RepositoryFiles.Templates).Select(f => Path.GetFileName(f));

        Assert.Equal(Templates.Order(StringComparer.Ordinal), present.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Chart_yaml_is_a_v2_application_chart()
    {
        var chart = YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "Chart.yaml")))!;

        Assert.Equal("v2", (string?)chart["apiVersion"]);
        Assert.Equal("controlplane", (string?)chart["name"]);
        Assert.Equal("application", (string?)chart["type"]);
        Assert.False(string.IsNullOrEmpty((string?)chart["version"]));
        Assert.False(string.IsNullOrEmpty((string?)chart["appVersion"]));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_template_parses_with_balanced_actions_and_closed_blocks(string file)
    {
        var text = RepositoryFiles.Template(file);

        Assert.DoesNotContain('\t', text);
        Assert.Empty(TemplateActions.BlockProblems(text));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Every_include_names_a_define_of_the_helpers(string file)
    {
        var defined = TemplateActions.Defined(RepositoryFiles.Template("_helpers.tpl"));

        Assert.Empty(TemplateActions.Used(RepositoryFiles.Template(file)).Except(defined));
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Every_manifest_is_yaml_of_one_kind_once_its_actions_are_removed(string file)
    {
        var documents = YamlJson.ParseAll(TemplateActions.WithoutActions(RepositoryFiles.Template(file)));

        var manifest = Assert.Single(documents);
        Assert.False(string.IsNullOrEmpty((string?)manifest["kind"]));
        Assert.False(string.IsNullOrEmpty((string?)manifest["apiVersion"]));
    }

    [Fact]
    public void The_deployment_runs_the_host_on_the_cluster_of_its_release_namespace()
    {
        var text = RepositoryFiles.Template("deployment.yaml").Replace("{{ .Release.Namespace }}", "mesh-system", StringComparison.Ordinal);
        var container = Container(text);
        // The extraContainerArgs range leaves one empty item once its actions are removed.
        var args = container["args"]!.AsArray().OfType<JsonNode>().Select(a => (string)a!).ToList();

        var (options, error) = CommandLine.Parse(args);

        Assert.Null(error);
        Assert.True(options!.Kubernetes);
        Assert.Equal("mesh-system", options.Namespace);
        Assert.Equal(15010, options.XdsPort);
        Assert.Equal(15014, options.MonitoringPort);
        Assert.Equal(
            ["grpc-xds:15010", "http-monitoring:15014"],
            container["ports"]!.AsArray().Select(p => $"{p!["name"]}:{p["containerPort"]}"));
    }

    [Fact]
    public void The_deployment_probes_ready_on_the_monitoring_port()
    {
        var container = Container(RepositoryFiles.Template("deployment.yaml"));

        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/ready", (string?)container[probe]!["httpGet"]!["path"]);
            Assert.Equal("http-monitoring", (string?)container[probe]!["httpGet"]!["port"]);
        }
    }

    [Fact]
    public void The_default_security_context_is_non_root_read_only_without_capabilities()
    {
        var values = YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.yaml")))!;
        var pod = values["podSecurityContext"]!;
        var container = values["securityContext"]!;

        Assert.True((bool)pod["runAsNonRoot"]!);
        Assert.NotEqual(0, (long)pod["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["seccompProfile"]!["type"]);
        Assert.True((bool)container["readOnlyRootFilesystem"]!);
        Assert.False((bool)container["allowPrivilegeEscalation"]!);
        Assert.Equal(["ALL"], container["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public void The_service_names_istiods_ports()
    {
        var values = YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.yaml")))!;
        var service = YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("service.yaml")))!;

        Assert.Equal(
            ["grpc-xds", "https-dns", "https-webhook", "http-monitoring"],
            service["spec"]!["ports"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.Equal(
            [15010L, 15012L, 15017L, 15014L],
            values["service"]!["ports"]!.AsObject().Select(kv => (long)kv.Value!));
    }

    private static JsonNode Container(string deploymentTemplate)
    {
        var deployment = YamlJson.Parse(TemplateActions.WithoutActions(deploymentTemplate))!;
        return Assert.Single(deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
    }
}
