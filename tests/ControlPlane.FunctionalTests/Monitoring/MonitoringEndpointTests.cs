namespace ControlPlane.FunctionalTests.Monitoring;

using System.Net;
using System.Text.Json;
using ControlPlane.FunctionalTests.Infrastructure;

/// <summary>The monitoring port: readiness, metrics and the debug endpoints, against the real host.</summary>
public sealed class MonitoringEndpointTests
{
    [Fact]
    public async Task Ready_once_the_sources_have_loaded()
    {
        await using var mesh = await SampleMesh.StartAsync();

        var response = await mesh.Http.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Config_dump_renders_what_a_connected_proxy_gets_and_404s_for_strangers()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Sotw(SampleMesh.CatalogSidecar());
        await SotwHandshake.RunAsync(client);

        var dump = await mesh.Http.GetStringAsync("/debug/config_dump?proxyID=catalog-v1-a.shop");
        var missing = await mesh.Http.GetAsync("/debug/config_dump?proxyID=nobody.shop");

        using var json = JsonDocument.Parse(dump);
        var types = json.RootElement.GetProperty("configs").EnumerateArray().Select(c => c.GetProperty("@type").GetString()).ToList();
        Assert.Contains("type.googleapis.com/envoy.admin.v3.ClustersConfigDump", types);
        Assert.Contains("type.googleapis.com/envoy.admin.v3.ListenersConfigDump", types);
        Assert.Contains("outbound|9080|v1|catalog.shop.svc.cluster.local", dump, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Configz_reports_a_rejected_object_by_file_and_field_while_the_rest_is_served()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await mesh.WriteFileAsync("shop/broken.yaml",
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: broken, namespace: shop}
            spec:
              hosts: [cart]
              http:
              - route:
                - destination: {host: cart}
                  weight: -1
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: fine, namespace: shop}
            spec:
              hosts: [cart]
              http:
              - route:
                - destination: {host: cart}
            """);

        // The source publishes its problems before it applies the load to the store: wait until both are visible.
        var rejected = await WaitForAsync(mesh, async () =>
        {
            using var json = JsonDocument.Parse(await mesh.Http.GetStringAsync("/debug/configz"));
            var fineServed = json.RootElement.GetProperty("configs").EnumerateArray().Any(c => c.GetProperty("name").GetString() == "fine");
            return !fineServed ? default : json.RootElement.GetProperty("sources").EnumerateArray()
                .SelectMany(s => s.GetProperty("rejected").EnumerateArray())
                .Select(r => r.Clone())
                .FirstOrDefault(r => r.GetProperty("name").GetString() == "broken");
        });

        Assert.Equal("VirtualService", rejected.GetProperty("kind").GetString());
        Assert.Contains("broken.yaml", rejected.GetProperty("origin").GetString(), StringComparison.Ordinal);
        Assert.Contains("weight", rejected.GetProperty("field").GetString(), StringComparison.Ordinal);
        var configz = await mesh.Http.GetStringAsync("/debug/configz");
        Assert.Contains("\"name\": \"fine\"", configz, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_use_istiod_names()
    {
        await using var mesh = await SampleMesh.StartAsync();
        await using var client = mesh.Sotw(SampleMesh.CatalogSidecar());
        await SotwHandshake.RunAsync(client);

        var metrics = await mesh.Http.GetStringAsync("/metrics");

        Assert.Contains("pilot_xds_pushes{", metrics, StringComparison.Ordinal);
        Assert.Contains("pilot_xds{", metrics, StringComparison.Ordinal);
        Assert.Contains("pilot_proxy_convergence_time_bucket", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot_xds_pushes_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_say_how_long_the_collector_paused_the_process_and_how_much_was_allocated()
    {
        await using var mesh = await SampleMesh.StartAsync();

        var metrics = await mesh.Http.GetStringAsync("/metrics");

        Assert.True(Value(metrics, "dotnet_gc_allocated_bytes_total") > 0, metrics);
        Assert.True(Value(metrics, "dotnet_gc_pause_seconds_total") >= 0, metrics);
    }

    [Fact]
    public async Task The_mesh_size_gauges_are_set_at_start_before_any_proxy_connects()
    {
        await using var mesh = await SampleMesh.StartAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var metrics = await mesh.Http.GetStringAsync("/metrics");
        while (Value(metrics, "pilot_services") == 0)
        {
            await Task.Delay(100, timeout.Token);
            metrics = await mesh.Http.GetStringAsync("/metrics");
        }

        Assert.True(Value(metrics, "pilot_services") > 0, metrics);
        Assert.True(Value(metrics, "pilot_virt_services") > 0, metrics);
    }

    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> WaitForAsync(SampleMesh mesh, Func<Task<JsonElement>> probe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = await probe();
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
