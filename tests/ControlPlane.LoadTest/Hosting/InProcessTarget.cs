namespace ControlPlane.LoadTest.Hosting;

using System.Diagnostics;
using ControlPlane.LoadTest.Mesh;
using ControlPlane.Testing.Hosting;

/// <summary>
/// The real host (<c>ControlPlaneApplication</c>) in this process on an empty config directory, loaded with the synthetic
/// mesh. Used by the smoke test and by <c>serve</c>; its usage figures include the clients when they share the process.
/// </summary>
internal sealed class InProcessTarget : IControlPlaneTarget
{
    private readonly RunningControlPlane host;
    private readonly MeshLoader loader;
    private readonly string configDirectory;
    private readonly bool sharedWithClients;

    private InProcessTarget(RunningControlPlane host, MeshLoader loader, string configDirectory, bool sharedWithClients)
    {
        this.host = host;
        this.loader = loader;
        this.configDirectory = configDirectory;
        this.sharedWithClients = sharedWithClients;
    }

    public Uri XdsAddress => host.XdsAddress;

    public Uri MonitoringAddress => host.MonitoringAddress;

    public string Mode => "in-process";

    public static async Task<InProcessTarget> StartAsync(SyntheticMesh mesh, bool sharedWithClients, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("cp-loadtest-").FullName;
        var host = await RunningControlPlane.StartAsync(directory).ConfigureAwait(false);
        var loader = new MeshLoader(mesh, host.Services);
        await loader.LoadAsync(cancellationToken).ConfigureAwait(false);
        return new InProcessTarget(host, loader, directory, sharedWithClients);
    }

    public Task<long> ApplyAsync(MeshChange change) => Task.FromResult(loader.Apply(change));

    public Task<ControlPlaneUsage> UsageAsync()
    {
        using var process = Process.GetCurrentProcess();
        return Task.FromResult(new ControlPlaneUsage(
            process.TotalProcessorTime.TotalSeconds, process.PeakWorkingSet64 / 1048576.0, sharedWithClients, "process"));
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(configDirectory, recursive: true);
    }
}
