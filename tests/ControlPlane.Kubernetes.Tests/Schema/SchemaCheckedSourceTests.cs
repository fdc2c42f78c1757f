namespace ControlPlane.Kubernetes.Tests.Schema;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Tests.Cluster;
using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.Mesh;
using ControlPlane.Model.State;
using ControlPlane.Testing.Kubernetes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>Both sources run a registered CRD bundle's schema and CEL rules before converting, and serve what passes.</summary>
public sealed class SchemaCheckedSourceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("schema-source-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_yaml_source_rejects_what_the_schema_rejects_with_its_field_and_serves_the_rest()
    {
        var crds = Write("crds.yaml", TestCrds.DestinationRule);
        Write("config/good.yaml", TestCrds.Rule("good", "v1"));
        Write("config/bad.yaml", TestCrds.Rule("bad", "forbidden"));
        var store = new MeshStore();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(store);
        builder.Services.AddCrdSchemas(crds);
        builder.Services.AddYamlDirectorySource(o => (o.Directory, o.Watch) = (Path.Combine(directory, "config"), false));
        using var host = builder.Build();

        await host.StartAsync();
        var source = host.Services.GetRequiredService<YamlDirectorySource>();

        var problem = Assert.Single(source.Problems);
        Assert.Equal(
            (Path.Combine(directory, "config", "bad.yaml") + "#0", "DestinationRule", "shop", "bad", "spec.subsets[0].name", ProblemSeverity.Error),
            (problem.Origin, problem.Kind, problem.Namespace, problem.Name, problem.Field, problem.Severity));
        Assert.Equal("this subset name is reserved (line 7)", problem.Message);
        Assert.Equal(["good"], store.Current.Configs.Values.Select(c => c.Meta.Name));
        await host.StopAsync();
    }

    [Fact]
    public void Without_a_bundle_the_same_object_is_served()
    {
        var result = YamlMeshLoader.LoadText(TestCrds.Rule("bad", "forbidden"), "bad.yaml", MeshConfig.Default);

        Assert.Empty(result.Problems);
        Assert.Single(result.Delta.UpsertedConfigs);
    }

    [Fact]
    public void A_list_item_is_reported_under_its_item_path()
    {
        var list = $"""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata:
                name: ok
                namespace: shop
              spec:
                host: web
            - apiVersion: networking.istio.io/v1
              kind: DestinationRule
              metadata:
                name: long
                namespace: shop
              spec:
                host: {new string('a', 41)}
            """;

        var result = YamlMeshLoader.LoadText(list, "list.yaml", MeshConfig.Default, TestCrds.Schemas);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("long", "items[1].spec.host"), (problem.Name, problem.Field));
        Assert.Contains("may not be longer than 40", problem.Message, StringComparison.Ordinal);
        Assert.Equal("ok", Assert.Single(result.Delta.UpsertedConfigs).Meta.Name);
    }

    [Fact]
    public void A_bundle_that_cannot_be_read_or_defines_no_istio_kind_stops_registration_naming_the_file()
    {
        var missing = Path.Combine(directory, "absent.yaml");
        var unreadable = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCrdSchemas(missing));
        Assert.Contains(missing, unreadable.Message, StringComparison.Ordinal);

        var other = Write("other.yaml", TestCrds.DestinationRule.Replace("networking.istio.io", "example.io", StringComparison.Ordinal));
        var foreign = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddCrdSchemas(other));
        Assert.Contains(other, foreign.Message, StringComparison.Ordinal);
        Assert.Contains("networking.istio.io", foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cluster_source_rejects_what_the_schema_rejects_and_serves_the_rest()
    {
        await using var h = await ClusterSourceHarness.CreateAsync(schemas: TestCrds.Schemas);
        h.Server.Store.Create(FakeObjects.Istio("DestinationRule", "shop", "good", Rule("v1")));
        h.Server.Store.Create(FakeObjects.Istio("DestinationRule", "shop", "bad", Rule("forbidden")));

        await h.StartAndSyncAsync();

        var problem = Assert.Single(h.Source.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(
            ("kubernetes:DestinationRule/shop/bad#0", "bad", "shop", "spec.subsets[0].name", "this subset name is reserved"),
            (problem.Origin, problem.Name, problem.Namespace, problem.Field, problem.Message));
        Assert.Equal(["good"], h.Store.Current.Configs.Values.Select(c => c.Meta.Name));
    }

    private static JsonObject Rule(string subset) => new()
    {
        ["host"] = "web",
        ["subsets"] = new JsonArray(new JsonObject { ["name"] = subset }),
    };

    private string Write(string relative, string content)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
