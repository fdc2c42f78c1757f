namespace ControlPlane.FunctionalTests.LoadTest;

using System.Text.Json;
using ControlPlane.LoadTest.Clients;
using ControlPlane.LoadTest.Hosting;
using ControlPlane.LoadTest.Mesh;

/// <summary>
/// <c>/debug/push_status</c> on a synthetic mesh whose dependency graph is known: each push says why it happened, and
/// selects exactly the connections that depend on the change, for the reason the scoping rules give.
/// </summary>
public sealed class PushStatusTests
{
    private static readonly SyntheticMeshSpec Spec = new() { Services = 20, Namespaces = 4, Endpoints = 2, Clients = 10, Dependencies = 3 };

    [Fact]
    public async Task Endpoint_and_VirtualService_pushes_name_their_keys_and_select_only_dependents()
    {
        var mesh = SyntheticMesh.Create(Spec);
        await using var target = await InProcessTarget.StartAsync(mesh, sharedWithClients: true, CancellationToken.None);
        await using var fleet = ClientFleet.Create(target.XdsAddress, mesh, 1, record: false);
        fleet.ConnectAll();
        Assert.All(await fleet.WaitConvergedAsync(TimeSpan.FromSeconds(30)), c => Assert.NotNull(c));
        using var http = new HttpClient { BaseAddress = target.MonitoringAddress };

        var service = Enumerable.Range(0, Spec.Services).First(s => mesh.DependentsOf(s).Length is > 0 and < 10);
        var before = await NewestVersionAsync(http);
        await target.ApplyAsync(new MeshChange(MeshChangeKind.Endpoints, service, 1));
        var eds = await WaitForPushAsync(http, before, $"Service/{SyntheticConfigs.Namespace(Spec, service)}/{SyntheticConfigs.Hostname(Spec, service)}");

        Assert.Equal("eds", eds.GetProperty("kind").GetString());
        Assert.Equal(1, eds.GetProperty("reasons").GetProperty("endpoint").GetInt32());
        Assert.Equal(mesh.DependentsOf(service).Length, eds.GetProperty("proxies_pushed").GetInt32());
        Assert.Equal(mesh.DependentsOf(service).Length, eds.GetProperty("selected_by").GetProperty("eds_watch").GetInt32());
        Assert.Equal(10, eds.GetProperty("proxies_connected").GetInt32());
        var named = eds.GetProperty("example_proxies").GetProperty("eds_watch").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal).ToList();
        var dependents = mesh.DependentsOf(service).Select(c => fleet.Clients[c].Node.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(dependents, named);

        var routed = mesh.MostDependedRoutedService();
        before = await NewestVersionAsync(http);
        await target.ApplyAsync(new MeshChange(MeshChangeKind.VirtualService, routed, 1));
        var full = await WaitForPushAsync(http, before, $"VirtualService/{SyntheticConfigs.Namespace(Spec, routed)}/svc-{routed}");

        Assert.Equal("full", full.GetProperty("kind").GetString());
        Assert.Equal(1, full.GetProperty("reasons").GetProperty("config").GetInt32());
        // At least every dependent. SidecarScope.DependsOn still selects, for a VirtualService key, every scope with an
        // egress host in the key's namespace (docs/benchmarks.md, "server-side fan-out"), so the upper bound is the fleet.
        var selected = full.GetProperty("selected_by").GetProperty("scope_dependency").GetInt32();
        Assert.InRange(selected, mesh.DependentsOf(routed).Length, 10);
        Assert.Equal(selected, full.GetProperty("proxies_pushed").GetInt32());

        // istiod sets these gauges from every push context it builds.
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Contains("\npilot_services ", metrics, StringComparison.Ordinal);
        Assert.Contains("\npilot_virt_services ", metrics, StringComparison.Ordinal);
    }

    private static async Task<long> NewestVersionAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/debug/push_status"));
        return json.RootElement.EnumerateArray().Select(p => p.GetProperty("version").GetInt64()).DefaultIfEmpty(-1).Max();
    }

    /// <summary>Polls until a push newer than <paramref name="after"/> names the key (pushes are debounced, then released).</summary>
    private static async Task<JsonElement> WaitForPushAsync(HttpClient http, long after, string key)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync("/debug/push_status"));
            foreach (var push in json.RootElement.EnumerateArray())
            {
                if (push.GetProperty("version").GetInt64() > after && push.GetProperty("config_keys").EnumerateArray().Any(k => k.GetString() == key))
                {
                    return push.Clone();
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no push for {key} on /debug/push_status");
    }
}
