namespace ControlPlane.Testing.Hosting;

using System.Net;
using System.Net.Sockets;
using ControlPlane.Host;
using ControlPlane.Model.State;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The real host, in process, on 127.0.0.1 with free ports, serving a config directory. Started and ready (every source
/// synced) when <see cref="StartAsync"/> returns.
/// </summary>
public sealed class RunningControlPlane : IAsyncDisposable
{
    private readonly WebApplication app;

    private RunningControlPlane(WebApplication app, int xdsPort, int monitoringPort)
    {
        this.app = app;
        XdsPort = xdsPort;
        MonitoringAddress = new Uri($"http://127.0.0.1:{monitoringPort}");
    }

    public int XdsPort { get; }

    /// <summary>The ADS endpoint as a gRPC channel address.</summary>
    public Uri XdsAddress => new($"http://127.0.0.1:{XdsPort}");

    public Uri MonitoringAddress { get; }

    public IServiceProvider Services => app.Services;

    public MeshStore Store => app.Services.GetRequiredService<MeshStore>();

    /// <param name="configDirectory">The YAML directory to serve.</param>
    /// <param name="configure">Changes to the host's services before it is built (fakes, extra sources).</param>
    /// <param name="options">
    /// Changes to the command-line options (a CRD bundle, say); directory, ports and bind address are set before it runs.
    /// </param>
    public static async Task<RunningControlPlane> StartAsync(
        string configDirectory, Action<WebApplicationBuilder>? configure = null, Func<ControlPlaneOptions, ControlPlaneOptions>? options = null)
    {
        // A free port found here can be taken by a parallel test before Kestrel binds it: pick again and retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryStartAsync(configDirectory, configure, options).ConfigureAwait(false);
            }
            catch (IOException error) when (attempt < 5 && error.InnerException is AddressInUseException)
            {
            }
        }
    }

    private static async Task<RunningControlPlane> TryStartAsync(
        string configDirectory, Action<WebApplicationBuilder>? configure, Func<ControlPlaneOptions, ControlPlaneOptions>? adjust)
    {
        var options = new ControlPlaneOptions
        {
            ConfigDirectory = configDirectory,
            XdsPort = FreePort(),
            MonitoringPort = FreePort(),
            BindAddress = "127.0.0.1",
        };
        options = adjust?.Invoke(options) ?? options;
        var app = ControlPlaneApplication.Build(options, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.Services.GetRequiredService<MeshReadiness>().WhenReadyAsync(timeout.Token).ConfigureAwait(false);
        return new RunningControlPlane(app, options.XdsPort, options.MonitoringPort);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
