namespace ControlPlane.FunctionalTests.Schema;

using System.Text.Json;
using ControlPlane.FunctionalTests.Infrastructure;
using ControlPlane.Host;
using ControlPlane.Testing.SharedData;

/// <summary><c>serve --crds</c>: Istio's own CRD schemas and CEL rules judge every Istio object the real host serves.</summary>
public sealed class CrdSchemaServingTests
{
    [SharedDataFact]
    public async Task An_object_istios_schema_rejects_is_reported_by_field_and_not_served_while_the_rest_is()
    {
        await using var mesh = await SampleMesh.StartAsync(o => o with { CrdBundlePath = SharedData.CrdBundle });
        await mesh.WriteFileAsync("shop/selectors.yaml",
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: wildcard, namespace: shop}
            spec:
              host: catalog
              workloadSelector:
                matchLabels: {"app*": catalog}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: plain, namespace: shop}
            spec:
              host: catalog
              workloadSelector:
                matchLabels: {app: catalog}
            """);

        var rejected = await WaitForRejectedAsync(mesh, "wildcard");
        // Problems are published just before the load is applied to the store.
        await UntilAsync(() => mesh.ControlPlane.Store.Current.Configs.Values.Any(c => c.Meta.Name == "plain"));

        Assert.Equal("DestinationRule", rejected.GetProperty("kind").GetString());
        Assert.Equal("shop", rejected.GetProperty("namespace").GetString());
        Assert.Contains("selectors.yaml", rejected.GetProperty("origin").GetString(), StringComparison.Ordinal);
        Assert.Equal("spec.workloadSelector.matchLabels", rejected.GetProperty("field").GetString());
        // The message of the CEL rule in Istio's bundle, not the converter's own wording for the same mistake.
        Assert.Contains("wildcard not allowed in label key match", rejected.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(mesh.ControlPlane.Store.Current.Configs.Values, c => c.Meta.Name == "wildcard");
    }

    [Fact]
    public void A_bundle_that_cannot_be_read_stops_the_host_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cp-no-such-crds-" + Guid.NewGuid().ToString("N") + ".yaml");

        var error = Assert.Throws<InvalidOperationException>(() => ControlPlaneApplication.Build(Options(missing)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_istio_networking_kinds_stops_the_host_naming_the_file()
    {
        var bundle = Path.Combine(Path.GetTempPath(), "cp-other-crds-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(bundle,
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.io}
            spec:
              group: example.io
              names: {kind: Widget}
              versions:
              - name: v1
                served: true
                schema:
                  openAPIV3Schema: {type: object}
            """);
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => ControlPlaneApplication.Build(Options(bundle)));

            Assert.Contains(bundle, error.Message, StringComparison.Ordinal);
            Assert.Contains("networking.istio.io", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    private static ControlPlaneOptions Options(string bundle) =>
        new() { CrdBundlePath = bundle, XdsPort = 0, MonitoringPort = 0, BindAddress = "127.0.0.1" };

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task<JsonElement> WaitForRejectedAsync(SampleMesh mesh, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            using var json = JsonDocument.Parse(await mesh.Http.GetStringAsync("/debug/configz"));
            var found = json.RootElement.GetProperty("sources").EnumerateArray()
                .SelectMany(s => s.GetProperty("rejected").EnumerateArray())
                .FirstOrDefault(r => r.GetProperty("name").GetString() == name);
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found.Clone();
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
