namespace ControlPlane.FunctionalTests.Charts;

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlPlane.Kubernetes.Cluster;
using ControlPlane.Kubernetes.Informers;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// The chart's RBAC grants exactly what the cluster source uses: list and watch on the resources its informers watch (read
/// from the source's own informer set; cluster-wide ones in the ClusterRole, the mesh ConfigMap in the namespaced Role);
/// and, only when <c>writeStatus</c> is on, patch on the Istio kinds' status subresources (ClusterRole) and get, create
/// and update on Leases (Role). Both agree with the RBAC documented in docs/kubernetes.md.
/// </summary>
public sealed class ChartRbacTests
{
    private const string ReadVerbs = "list,watch";
    private const string StatusVerbs = "patch";
    private const string LeaseVerbs = "create,get,update";
    private const string WriteStatusCondition = "{{- if .Values.writeStatus }}";

    [Fact]
    public void The_cluster_role_grants_list_and_watch_on_exactly_the_watched_resources()
    {
        Assert.Equal(WatchedResources("ClusterWide"), Resources(ChartRules(), ReadVerbs));
    }

    [Fact]
    public void The_cluster_role_grants_patch_on_exactly_the_status_of_the_watched_istio_kinds()
    {
        var istio = WatchedResources("ClusterWide").Where(r => r.StartsWith("networking.istio.io/", StringComparison.Ordinal)).Select(r => r + "/status");

        Assert.Equal(new SortedSet<string>(istio, StringComparer.Ordinal), Resources(ChartRules(), StatusVerbs));
        Assert.Equal(6, Resources(ChartRules(), StatusVerbs).Count);
    }

    [Fact]
    public void The_role_grants_list_and_watch_on_exactly_the_namespaced_resources_and_the_lease_verbs_leader_election_uses()
    {
        Assert.Equal(WatchedResources("Namespaced"), Resources(RoleRules(), ReadVerbs));
        Assert.Equal(["coordination.k8s.io/leases"], Resources(RoleRules(), LeaseVerbs));
    }

    [Fact]
    public void Every_rule_grants_one_of_the_known_verb_sets()
    {
        foreach (var rule in ChartRules().Concat(RoleRules()))
        {
            Assert.Contains(Verbs(rule!), new[] { ReadVerbs, StatusVerbs, LeaseVerbs });
        }
    }

    [Theory]
    [InlineData("clusterrole.yaml", "/status")]
    [InlineData("role.yaml", "leases")]
    public void Write_grants_are_rendered_only_with_write_status(string template, string marker)
    {
        var text = RepositoryFiles.Template(template);
        var condition = text.IndexOf(WriteStatusCondition, StringComparison.Ordinal);
        var end = text.IndexOf("{{- end }}", condition + 1, StringComparison.Ordinal);

        Assert.True(condition >= 0, $"{template} has no writeStatus condition");
        var guarded = text[condition..end];
        Assert.Contains(marker, guarded, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, text[..condition] + text[end..], StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_matches_the_rbac_documented_for_the_cluster_source()
    {
        Assert.Equal(Grants(DocumentedRules("Role")), Grants(RoleRules()));
    }

    [Fact]
    public void The_cluster_role_matches_the_rbac_documented_for_the_cluster_source()
    {
        Assert.Equal(Grants(DocumentedRules("ClusterRole")), Grants(ChartRules()));
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

    /// <summary>The rules of the templates with every action removed: what helm renders with every condition on.</summary>
    private static JsonArray RoleRules() =>
        YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("role.yaml")))!["rules"]!.AsArray();

    private static JsonArray ChartRules() =>
        YamlJson.Parse(TemplateActions.WithoutActions(RepositoryFiles.Template("clusterrole.yaml")))!["rules"]!.AsArray();

    private static JsonArray DocumentedRules(string kind)
    {
        var documented = Regex.Match(
            File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "kubernetes.md")),
            $"```yaml\\n(apiVersion: rbac.authorization.k8s.io/v1\\nkind: {kind}\\n.*?)```",
            RegexOptions.Singleline);
        Assert.True(documented.Success, $"docs/kubernetes.md has no {kind} block");
        return YamlJson.Parse(documented.Groups[1].Value)!["rules"]!.AsArray();
    }

    private static string Verbs(JsonNode rule) =>
        string.Join(',', rule["verbs"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));

    /// <summary>"group/resource" of every rule granting exactly <paramref name="verbs"/>.</summary>
    private static SortedSet<string> Resources(JsonArray rules, string verbs) =>
        new(Grants(rules).Where(g => g.Value == verbs).Select(g => g.Key), StringComparer.Ordinal);

    /// <summary>"group/resource" to its verbs, for every rule; a resource granted twice fails.</summary>
    private static SortedDictionary<string, string> Grants(JsonArray rules)
    {
        var grants = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var group in rule!["apiGroups"]!.AsArray())
            {
                foreach (var resource in rule["resources"]!.AsArray())
                {
                    Assert.True(grants.TryAdd($"{group}/{resource}", Verbs(rule)), $"{group}/{resource} granted twice");
                }
            }
        }

        return grants;
    }
}
