namespace ControlPlane.Kubernetes.Mesh;

using ControlPlane.Kubernetes.Yaml;
using ControlPlane.Model.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

/// <summary>
/// A mesh config file (<c>--mesh-config</c>): <see cref="LoadInitial"/> applies it once, before any source loads, and
/// fails start-up if it is unreadable or invalid; the hosted loop then re-reads it on file-system events (or every
/// <see cref="PollInterval"/> when events are unavailable) and applies each change, which is a global push. A later
/// unreadable or invalid version is logged and the last applied MeshConfig stays.
/// </summary>
public sealed class MeshConfigFileSource : IHostedService, IDisposable
{
    private static readonly TimeSpan SettleQuiet = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(2);
    private readonly string path;
    private readonly ILogger logger;
    private readonly MeshConfigApplier applier;
    private readonly CancellationTokenSource stopping = new();
    private Task? running;

    public MeshConfigFileSource(MeshStore store, string path, ILogger<MeshConfigFileSource> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        this.path = Path.GetFullPath(path);
        this.logger = logger;
        applier = new MeshConfigApplier(store, $"file {this.path}", logger);
    }

    /// <summary>How often the file is re-read when no file-system event arrives; also bounds a missed event's delay.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reads and applies the file; throws <see cref="InvalidOperationException"/> naming the file and every error.</summary>
    public void LoadInitial()
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"mesh config file '{path}' cannot be read: {ex.Message}", ex);
        }

        var errors = MeshConfigParser.Parse(text).Errors;
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"mesh config file '{path}' is invalid: {string.Join("; ", errors)}");
        }

        applier.Apply(text);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        running = Task.Run(() => WatchAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Watches the directory, not the file: a mounted ConfigMap changes by swapping a link beside it.</summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        using var watcher = new DirectoryChangeWatcher(Path.GetDirectoryName(path)!, ex => MeshConfigLog.Unreadable(logger, ex, path));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await watcher.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false))
                {
                    // An editor writing in place truncates first: wait for the writes to stop before reading.
                    await watcher.SettleAsync(SettleQuiet, SettleLimit, cancellationToken).ConfigureAwait(false);
                }

                Reload();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Reload()
    {
        try
        {
            applier.Apply(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            MeshConfigLog.Unreadable(logger, ex, path);
        }
    }
}
