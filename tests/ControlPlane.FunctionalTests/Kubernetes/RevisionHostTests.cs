namespace ControlPlane.FunctionalTests.Kubernetes;

using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ControlPlane.Host;
using ControlPlane.Model.State;
using ControlPlane.Testing.Kubernetes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The host started as the chart starts it with <c>revision: canary</c> and <c>writeStatus: true</c>: MeshConfig comes
/// from <c>istio-canary</c>, the Lease is <c>istio-status-leader-canary</c>, and a rejected object's status says so.
/// </summary>
public sealed class RevisionHostTests
{
    [Fact]
    public async Task A_revisioned_host_reads_its_configmap_elects_under_its_lease_and_writes_status()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Store.Create(FakeObjects.Namespace("shop"));
        server.Store.Create(ConfigMap("istio", "rootNamespace: default-revision\n"));
        server.Store.Create(ConfigMap("istio-canary", "rootNamespace: canary-root\n"));
        server.Store.Create(FakeObjects.Istio("VirtualService", "shop", "broken", new JsonObject { ["hosts"] = new JsonArray("web") }));
        var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"cp-kubeconfig-{Guid.NewGuid():N}"));
        var options = new ControlPlaneOptions
        {
            Kubernetes = true,
            Kubeconfig = kubeconfig,
            Revision = "canary",
            WriteStatus = true,
            XdsPort = FreePort(),
            MonitoringPort = FreePort(),
            BindAddress = "127.0.0.1",
        };
        await using var app = ControlPlaneApplication.Build(options, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<MeshReadiness>().WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
            await WaitUntilAsync(() => server.Store.Get("networking.istio.io/v1", "VirtualService", "shop", "broken")?["status"]?["validationMessages"] is not null);

            Assert.Equal("canary-root", app.Services.GetRequiredService<MeshStore>().Current.Mesh.RootNamespace);
            var lease = server.Store.Get("coordination.k8s.io/v1", "Lease", "istio-system", "istio-status-leader-canary");
            Assert.False(string.IsNullOrEmpty((string?)lease?["spec"]?["holderIdentity"]));
        }
        finally
        {
            await app.StopAsync();
            File.Delete(kubeconfig);
        }

        // Stopping released the Lease for the next replica.
        Assert.Equal("", (string?)server.Store.Get("coordination.k8s.io/v1", "Lease", "istio-system", "istio-status-leader-canary")?["spec"]?["holderIdentity"] ?? "");
    }

    private static JsonObject ConfigMap(string name, string mesh) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "istio-system" },
        ["data"] = new JsonObject { ["mesh"] = mesh },
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
