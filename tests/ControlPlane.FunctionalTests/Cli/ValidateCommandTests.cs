namespace ControlPlane.FunctionalTests.Cli;

using System.Text.Json.Nodes;
using ControlPlane.Host.Cli;

/// <summary>The offline <c>validate</c> verb: verdicts, output formats and exit codes.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("validate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Valid_objects_print_one_line_each_and_exit_0()
    {
        var file = Write("good.yaml", GoodRule + "---\n" + GoodService);

        var (code, output, _) = await RunAsync(file);

        Assert.Equal(ValidateCommand.Valid, code);
        Assert.Contains($"{file}: DestinationRule shop/reviews: valid", output, StringComparison.Ordinal);
        Assert.Contains($"{file}: Service shop/reviews: valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_object_prints_its_errors_with_field_paths_and_exits_1()
    {
        Write("good.yaml", GoodRule);
        var bad = Write("sub/bad.yml", BadRoute);

        var (code, output, _) = await RunAsync(directory);

        Assert.Equal(ValidateCommand.Invalid, code);
        Assert.Contains($"{bad}: VirtualService shop/split: invalid", output, StringComparison.Ordinal);
        Assert.Contains("  error: spec.http[0].route: destination weights must not all be 0", output, StringComparison.Ordinal);
        Assert.Contains("DestinationRule shop/reviews: valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_an_array_of_verdicts()
    {
        var good = Write("good.yaml", GoodRule);
        var bad = Write("bad.yaml", BadRoute);

        var (code, output, _) = await RunAsync("--output", "json", good, bad);

        Assert.Equal(ValidateCommand.Invalid, code);
        var verdicts = JsonNode.Parse(output)!.AsArray();
        Assert.Equal(2, verdicts.Count);
        var first = verdicts[0]!;
        Assert.Equal((good, "DestinationRule", "shop", "reviews", true), ((string?)first["file"], (string?)first["kind"], (string?)first["namespace"], (string?)first["name"], (bool)first["valid"]!));
        Assert.Empty(first["errors"]!.AsArray());
        var second = verdicts[1]!;
        Assert.False((bool)second["valid"]!);
        Assert.StartsWith("spec.http[0].route:", (string?)Assert.Single(second["errors"]!.AsArray()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "no file or directory")]
    [InlineData(new[] { "--strict", "x.yaml" }, "unknown option '--strict'")]
    [InlineData(new[] { "--output", "yaml", "x.yaml" }, "not an output format")]
    [InlineData(new[] { "--crds" }, "needs a value")]
    [InlineData(new[] { "/nonexistent/mesh.yaml" }, "does not exist")]
    [InlineData(new[] { "--crds", "/nonexistent/crds.yaml", "x.yaml" }, "cannot read CRD file")]
    public async Task Usage_errors_exit_2_with_the_reason(string[] args, string message)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(ValidateCommand.UsageError, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("usage: ControlPlane.Host validate", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crd_bundle_adds_schema_checks()
    {
        var crds = Write("crds.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: destinationrules.networking.istio.io}
            spec:
              group: networking.istio.io
              names: {kind: DestinationRule}
              versions:
              - name: v1
                served: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec: {type: object, properties: {host: {type: string, maxLength: 3}}}
            """);
        var rule = Write("rule.yaml", GoodRule);

        var (without, _, _) = await RunAsync(rule);
        var (with, output, _) = await RunAsync("--crds", crds, rule);

        Assert.Equal(ValidateCommand.Valid, without);
        Assert.Equal(ValidateCommand.Invalid, with);
        Assert.Contains("  error: spec.host: may not be longer than 3 characters", output, StringComparison.Ordinal);
    }

    private const string GoodRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews, namespace: shop}
        spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}]}

        """;

    private const string GoodService = """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: shop}
        spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}

        """;

    private const string BadRoute = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: split, namespace: shop}
        spec:
          hosts: [reviews]
          http:
          - route:
            - {destination: {host: reviews, subset: v1}, weight: 0}
            - {destination: {host: reviews, subset: v2}, weight: 0}

        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ValidateCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
