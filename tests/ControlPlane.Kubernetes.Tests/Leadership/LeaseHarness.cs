namespace ControlPlane.Kubernetes.Tests.Leadership;

using System.Text.Json.Nodes;
using ControlPlane.Kubernetes.Leadership;
using ControlPlane.Testing.Kubernetes;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Leader electors over the real KubernetesClient against one fake API server, with short timings (a 2 s lease renewed
/// every 200 ms, given up after 1 s) so expiry and loss happen within a test.
/// </summary>
internal sealed class LeaseHarness : IAsyncDisposable
{
    public const string Namespace = "istio-system";
    public const string LeaseName = "test-leader";
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);

    private readonly List<(LeaderElector Elector, CancellationTokenSource Stop, Task Run)> running = [];
    private readonly List<IKubernetes> clients = [];

    private LeaseHarness(FakeKubernetesApiServer server) => Server = server;

    public FakeKubernetesApiServer Server { get; }

    public static async Task<LeaseHarness> CreateAsync() => new(await FakeKubernetesApiServer.StartAsync());

    public static LeaderElectionOptions Options(string identity, bool releaseOnStop = true) => new()
    {
        LeaseName = LeaseName,
        Namespace = Namespace,
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
        ReleaseOnStop = releaseOnStop,
    };

    public ILeaseClient LeaseClient()
    {
        var client = Server.CreateClient();
        clients.Add(client);
        return new KubernetesLeaseClient(client);
    }

    /// <summary>Starts an elector for <paramref name="identity"/>; <paramref name="leases"/> replaces the real Lease client.</summary>
    public LeaderElector Start(string identity, bool releaseOnStop = true, ILeaseClient? leases = null)
    {
        var elector = new LeaderElector(leases ?? LeaseClient(), Options(identity, releaseOnStop), NullLogger.Instance);
        var stop = new CancellationTokenSource();
        running.Add((elector, stop, Task.Run(() => elector.RunAsync(stop.Token))));
        return elector;
    }

    /// <summary>Stops the elector and waits for its loop to end (with a release first, if it was configured to release).</summary>
    public async Task StopAsync(LeaderElector elector)
    {
        var entry = running.Single(r => r.Elector == elector);
        await entry.Stop.CancelAsync();
        await entry.Run.WaitAsync(Guard);
    }

    public JsonObject? Lease() => Server.Store.Get("coordination.k8s.io/v1", "Lease", Namespace, LeaseName);

    public string? Holder() => (string?)Lease()?["spec"]?["holderIdentity"];

    public long LeaseVersion() => long.Parse((string?)Lease()?["metadata"]?["resourceVersion"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls <paramref name="condition"/> until it holds; the guard is a failure timeout, not an expectation of speed.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                Assert.Fail($"timed out waiting until {what}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (elector, stop, run) in running)
        {
            await stop.CancelAsync();
            await run.WaitAsync(Guard);
            elector.Dispose();
            stop.Dispose();
        }

        clients.ForEach(c => c.Dispose());
        await Server.DisposeAsync();
    }
}
