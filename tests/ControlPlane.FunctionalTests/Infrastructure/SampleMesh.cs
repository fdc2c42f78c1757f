namespace ControlPlane.FunctionalTests.Infrastructure;

using ControlPlane.Host;
using ControlPlane.Testing.Hosting;
using ControlPlane.Testing.Xds;
using Envoy.Config.Core.V3;
using Grpc.Net.Client;

/// <summary>
/// A running control plane serving a private, editable copy of <c>samples/</c>, plus helpers to connect proxies to it and
/// to edit its files the way an operator would.
/// </summary>
internal sealed class SampleMesh : IAsyncDisposable
{
    /// <summary>A catalog v1 pod of the sample mesh, so the proxy has inbound service targets.</summary>
    public const string CatalogPodIp = "10.244.1.21";

    private readonly List<GrpcChannel> channels = [];

    private SampleMesh(string directory, RunningControlPlane controlPlane)
    {
        Directory = directory;
        ControlPlane = controlPlane;
        Http = new HttpClient { BaseAddress = controlPlane.MonitoringAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Directory { get; }

    public RunningControlPlane ControlPlane { get; }

    public HttpClient Http { get; }

    /// <param name="options">Changes to the host's command-line options (a CRD bundle, say).</param>
    public static async Task<SampleMesh> StartAsync(Func<ControlPlaneOptions, ControlPlaneOptions>? options = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cp-functional-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "samples"), directory);
        return new SampleMesh(directory, await RunningControlPlane.StartAsync(directory, options: options));
    }

    public static Node CatalogSidecar(string pod = "catalog-v1-a") =>
        XdsTestNodes.Sidecar(pod, "shop", CatalogPodIp, new Dictionary<string, string> { ["app"] = "catalog", ["version"] = "v1" });

    public SotwTestClient Sotw(Node node) => new(Channel(), node);

    public DeltaTestClient Delta(Node node) => new(Channel(), node);

    public async Task WriteFileAsync(string relativePath, string yaml) =>
        await File.WriteAllTextAsync(Path.Combine(Directory, relativePath), yaml);

    public void DeleteFile(string relativePath) => File.Delete(Path.Combine(Directory, relativePath));

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        Http.Dispose();
        await ControlPlane.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private GrpcChannel Channel()
    {
        var channel = GrpcChannel.ForAddress(ControlPlane.XdsAddress);
        channels.Add(channel);
        return channel;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
