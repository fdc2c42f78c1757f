namespace ControlPlane.FunctionalTests.Kubernetes;

using System.Net;
using System.Net.Sockets;
using ControlPlane.Host;
using ControlPlane.Model.Services;
using ControlPlane.Model.State;
using ControlPlane.Testing.Kubernetes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>The host started as <c>--kubeconfig</c> starts it: readiness waits for the cluster, and only the cluster is served.</summary>
public sealed class KubeconfigHostTests
{
    [Fact]
    public async Task Ready_only_once_the_cluster_has_synced_and_no_samples_are_served()
    {
        await using var server = await FakeKubernetesApiServer.StartAsync();
        server.Store.Create(FakeObjects.Service("shop", "web", 8080, new Dictionary<string, string> { ["app"] = "web" }));
        server.PauseLists();
        var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"cp-kubeconfig-{Guid.NewGuid():N}"));
        var options = new ControlPlaneOptions
        {
            Kubernetes = true,
            Kubeconfig = kubeconfig,
            XdsPort = FreePort(),
            MonitoringPort = FreePort(),
            BindAddress = "127.0.0.1",
        };
        await using var app = ControlPlaneApplication.Build(options, b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        try
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.MonitoringPort}"), Timeout = TimeSpan.FromSeconds(10) };
            await server.WaitForRequestAsync(r => !r.Watch);

            using (var waiting = await http.GetAsync(new Uri("/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
                Assert.Contains("kubernetes", await waiting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            server.ResumeLists();
            var readiness = app.Services.GetRequiredService<MeshReadiness>();
            await readiness.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            using var ready = await http.GetAsync(new Uri("/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal(["kubernetes"], readiness.Status.Keys);
            var services = app.Services.GetRequiredService<MeshStore>().Current.Services.Keys;
            Assert.Equal([new ServiceKey("web.shop.svc.cluster.local", "shop")], services);
        }
        finally
        {
            server.ResumeLists();
            await app.StopAsync();
            File.Delete(kubeconfig);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
