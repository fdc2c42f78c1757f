namespace ControlPlane.FunctionalTests.Charts;

using System.Text.Json.Nodes;
using NJsonSchema;

/// <summary>values.yaml against values.schema.json with a real JSON Schema validator (NJsonSchema, draft-07).</summary>
public sealed class ValuesSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.schema.json"))).GetAwaiter().GetResult());

    [Fact]
    public void The_default_values_validate()
    {
        var errors = Schema.Value.Validate(DefaultValues().ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [Fact]
    public void Every_default_value_is_described_by_the_schema_and_every_described_value_has_a_default()
    {
        var valueKeys = DefaultValues().AsObject().Select(kv => kv.Key).ToHashSet();
        var schemaKeys = Schema.Value.Properties.Keys.Where(k => k != "global").ToHashSet();

        Assert.Empty(valueKeys.Except(schemaKeys));
        Assert.Empty(schemaKeys.Except(valueKeys));
    }

    [Theory]
    [InlineData("replicaCount", "\"two\"")]
    [InlineData("replicaCount", "-1")]
    [InlineData("autoscaleEnabled", "\"yes\"")]
    [InlineData("revision", "\"Not_A_DNS_Label\"")]
    [InlineData("replicaCoutn", "2")]
    [InlineData("image", "{\"repository\":\"controlplane\",\"pullPolicy\":\"Sometimes\"}")]
    [InlineData("image", "{\"pullPolicy\":\"Always\"}")]
    [InlineData("service", "{\"ports\":{\"grpcXds\":70000,\"httpsXds\":15012,\"httpsWebhook\":15017,\"httpMonitoring\":15014}}")]
    [InlineData("cpu", "{\"targetAverageUtilization\":150}")]
    [InlineData("nodeSelector", "{\"disk\":1}")]
    [InlineData("tolerations", "{\"key\":\"a\"}")]
    [InlineData("resources", "{\"requests\":{\"cpu\":\"lots\"}}")]
    [InlineData("pdb", "{\"enabled\":true,\"minAvailable\":1,\"unhealthyPodEvictionPolicy\":\"Sometimes\"}")]
    public void Invalid_values_are_rejected(string key, string json)
    {
        var values = DefaultValues();
        values[key] = JsonNode.Parse(json);

        Assert.NotEmpty(Schema.Value.Validate(values.ToJsonString()));
    }

    [Theory]
    [InlineData("revision", "\"canary\"")]
    [InlineData("rollingMaxSurge", "1")]
    [InlineData("podSecurityContext", "{\"runAsNonRoot\":true,\"runAsUser\":null,\"runAsGroup\":null,\"fsGroup\":null}")]
    [InlineData("env", "{\"GOMAXPROCS\":\"2\",\"VERBOSE\":true}")]
    [InlineData("global", "{\"hub\":\"docker.io/istio\"}")]
    public void Valid_overrides_are_accepted(string key, string json)
    {
        var values = DefaultValues();
        values[key] = JsonNode.Parse(json);

        var errors = Schema.Value.Validate(values.ToJsonString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static JsonObject DefaultValues() =>
        YamlJson.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Chart, "values.yaml")))!.AsObject();
}
