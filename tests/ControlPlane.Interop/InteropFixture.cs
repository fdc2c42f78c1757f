namespace ControlPlane.Interop;

using ControlPlane.Interop.Infrastructure;
using ControlPlane.Testing.Hosting;

/// <summary>
/// Shared by every interop test: the harness installed once, four loopback backends (v1-a, v1-b on 127.0.0.2/3; v2-a,
/// v2-b on 127.0.0.4/5), a temporary config directory with the interop mesh, and the real control plane serving it.
/// </summary>
public sealed class InteropFixture : IAsyncLifetime
{
    private static readonly (string Name, string Version, string Host)[] BackendSpecs =
    [
        ("v1-a", "v1", "127.0.0.2"),
        ("v1-b", "v1", "127.0.0.3"),
        ("v2-a", "v2", "127.0.0.4"),
        ("v2-b", "v2", "127.0.0.5"),
    ];

    private readonly List<Backend> backends = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private RunningControlPlane? controlPlane;

    public string ConfigDirectory { get; } = Directory.CreateTempSubdirectory("controlplane-interop-").FullName;

    public int XdsPort => ControlPlane.XdsPort;

    public Uri XdsAddress => ControlPlane.XdsAddress;

    private RunningControlPlane ControlPlane => controlPlane ?? throw new InvalidOperationException("the control plane is not running");

    public async Task InitializeAsync()
    {
        if (NodeHarness.UnavailableReason is not null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await NodeHarness.EnsureInstalledAsync(timeout.Token);
        var started = await Task.WhenAll(BackendSpecs.Select(b => Backend.StartAsync(b.Name, b.Version, b.Host, timeout.Token)));
        backends.AddRange(started);
        MeshConfigWriter.WriteAll(ConfigDirectory, backends);
        controlPlane = await RunningControlPlane.StartAsync(ConfigDirectory);
    }

    /// <summary>The control plane's <c>/debug/syncz</c>, for failure messages (what each client was sent, ACKed or NACKed).</summary>
    public async Task<string> SynczAsync()
    {
        try
        {
            return await http.GetStringAsync(new Uri(ControlPlane.MonitoringAddress, "/debug/syncz"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return $"(syncz unavailable: {e.Message})";
        }
    }

    /// <summary>A failure message: what went wrong, the control plane's view, and the client's output.</summary>
    public async Task<string> ExplainAsync(string problem, string clientOutput) =>
        $"{problem}\n--- /debug/syncz ---\n{await SynczAsync()}\n--- client ---\n{clientOutput}";

    public async Task DisposeAsync()
    {
        if (controlPlane is not null)
        {
            await controlPlane.DisposeAsync();
        }

        foreach (var backend in backends)
        {
            await backend.DisposeAsync();
        }

        http.Dispose();
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
