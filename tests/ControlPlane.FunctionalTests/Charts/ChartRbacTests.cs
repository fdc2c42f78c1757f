namespace ControlPlane.FunctionalTests.Charts;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The chart's ClusterRole grants exactly what the cluster source uses: list and watch on the resources its cluster-wide
/// informers watch (read from the source's own informer set); its namespaced Role grants exactly the mesh ConfigMap's;
/// both agree with the RBAC documented in docs/kubernetes.md.
/// </summary>
public sealed class ChartRbacTests
{
    private static readonly string[] Verbs = ["list", "watch"];

    [Fact]
    public void The_cluster_role_grants_list_and_watch_on_exactly_the_watched_resources()
    {
        Assert.Equal(WatchedResources("ClusterWide"), Grants(ChartRules()));
    }

    [Fact]
    public void The_role_grants_list_and_watch_on_exactly_the_namespaced_resources()
    {
        Assert.Equal(WatchedResources("Namespaced"), Grants(RoleRules()));
    }

    [Fact]
    public void The_role_matches_the_rbac_documented_for_the_cluster_source()
    {
        var documented = Regex.Match(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "kubernetes.md")),
            "```yaml\\n(apiVersion: rbac.authorization.k8s.io/v1\\nkind: Role\\n.*?)```",
            RegexOptions.Singleline);
        Assert.True(documented.Success, "docs/kubernetes.md has no Role block");

        Assert.Equal(Grants(YamlJson.Parse(documented.Groups[1].Value)!["rules"]!.AsArray()), Grants(RoleRules()));
    }

    [Fact]
    public void The_role_binding_gives_the_role_to_the_control_planes_service_account_in_the_release_namespace()
    {
        var binding = YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("rolebinding.yaml")))!;
        var text = RepositoryFiles.Template("rolebinding.yaml");

        Assert.Equal("Role", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal("ServiceAccount", (string?)binding["subjects"]![0]!["kind"]);
        Assert.Contains("namespace: {{ .Release.Namespace }}", RepositoryFiles.Template("role.yaml"), StringComparison.Ordinal);
        Assert.Contains("namespace: {{ .Release.Namespace }}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cluster_role_matches_the_rbac_documented_for_the_cluster_source()
    {
        var documented = Regex.Match(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "kubernetes.md")),
            "```yaml\\n(apiVersion: rbac.authorization.k8s.io/v1\\nkind: ClusterRole\\n.*?)```",
            RegexOptions.Singleline);
        Assert.True(documented.Success, "docs/kubernetes.md has no ClusterRole block");

        Assert.Equal(Grants(YamlJson.Parse(documented.Groups[1].Value)!["rules"]!.AsArray()), Grants(ChartRules()));
    }

    [Fact]
    public void The_binding_gives_the_role_to_the_control_planes_service_account()
    {
        var binding = YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("clusterrolebinding.yaml")))!;
        var text = RepositoryFiles.Template("clusterrolebinding.yaml");

        Assert.Equal("ClusterRole", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal("ServiceAccount", (string?)binding["subjects"]![0]!["kind"]);
        Assert.Contains("name: {{ include \"controlplane.clusterRoleName\" . }}", text, StringComparison.Ordinal);
        Assert.Contains("name: {{ include \"controlplane.name\" . }}", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// "group/resource" of every informer the cluster source creates: built here (construction opens no connection)
    /// and read back through each informer's resource name, "plural" for core kinds or "plural.group" otherwise.
    /// </summary>
    private static SortedSet<string> WatchedResources(string scope)
    {
        var type = typeof(ClusterSourceOptions).Assembly.GetType("ControlPlane.Kubernetes.Cluster.ClusterInformers", throwOnError: true)!;
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
        var informers = Activator.CreateInstance(type, client, new ClusterSourceOptions(), NullLoggerFactory.Instance)!;
        var all = (IReadOnlyList<IResourceInformer>)type.GetProperty("All")!.GetValue(informers)!;
        var clusterWide = (IReadOnlyList<IResourceInformer>)type.GetProperty("ClusterWide")!.GetValue(informers)!;
        var selected = scope == "ClusterWide" ? clusterWide : all.Except(clusterWide);

        return new(selected.Select(i => i.ResourceName.Split('.', 2) switch
        {
            [var plural] => "/" + plural,
            [var plural, var group] => $"{group}/{plural}",
            _ => throw new InvalidOperationException(i.ResourceName),
        }), StringComparer.Ordinal);
    }

    private static JsonArray RoleRules() =>
        YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("role.yaml")))!["rules"]!.AsArray();

    private static JsonArray ChartRules() =>
        YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("clusterrole.yaml")))!["rules"]!.AsArray();

    /// <summary>"group/resource" of every rule; each rule must grant exactly list and watch.</summary>
    private static SortedSet<string> Grants(JsonArray rules)
    {
        var resources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var group in rule!["apiGroups"]!.AsArray())
            {
                foreach (var resource in rule["resources"]!.AsArray())
                {
                    Assert.True(resources.Add($"{group}/{resource}"), $"{group}/{resource} granted twice");
                }
            }

            Assert.Equal(Verbs, rule["verbs"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));
        }

        return resources;
    }
}
