namespace ControlPlane.Kubernetes.Yaml;

using System.Diagnostics;
using ControlPlane.Kubernetes.Schema;
using ControlPlane.Kubernetes.Yaml.Parsing;
using ControlPlane.Model.Diagnostics;
using ControlPlane.Model.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

/// <summary>
/// Serves a directory of Kubernetes and Istio YAML as a mesh source. Start loads it completely and applies it to the
/// <see cref="MeshStore"/> before returning (so <see cref="InitialLoad"/> is done before later hosted services start);
/// then file events, with a periodic check as a fallback, trigger reloads whose difference from the last applied state
/// is applied, and nothing at all when the content did not change. A new MeshConfig in the store (unless the options fix
/// one) triggers a reload too, since conversion reads it. Reloads run one at a time on the watch loop.
/// </summary>
public sealed class YamlDirectorySource : IHostedService, IConfigDiagnostics, IDisposable
{
    /// <summary>Upper bound on coalescing, so that a file rewritten continuously still gets reloaded.</summary>
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(2);

    private readonly MeshStore store;
    private readonly YamlSourceOptions options;
    private readonly ILogger logger;
    private readonly MeshStateDiffer differ = new();
    private readonly TaskCompletionSource initialLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private readonly string directory;
    private readonly CrdSchemaSet? schemas;
    private IReadOnlyList<ConfigProblem> problems = [];
    private HashSet<string> logged = new(StringComparer.Ordinal);
    private Task? watchLoop;
    private int loadCount;
    private int disposed;
    private DirectoryChangeWatcher? watcher;
    private Model.Mesh.MeshConfig? loadedWith;

    public YamlDirectorySource(MeshStore store, IOptions<YamlSourceOptions> options, ILogger<YamlDirectorySource> logger)
        : this(store, options, logger, null)
    {
    }

    /// <summary>With <paramref name="schemas"/>, every object of a kind the CRD bundle defines is schema-checked on each load.</summary>
    internal YamlDirectorySource(MeshStore store, IOptions<YamlSourceOptions> options, ILogger<YamlDirectorySource> logger, CrdSchemaSet? schemas)
    {
        this.schemas = schemas;
        this.store = store;
        this.options = options.Value;
        this.logger = logger;
        directory = Path.GetFullPath(string.IsNullOrEmpty(this.options.Directory) ? "." : this.options.Directory);
        SourceName = $"yaml:{directory}";
    }

    /// <summary><c>yaml:</c> and the full directory path; also the layer name in the <see cref="MeshStore"/>.</summary>
    public string SourceName { get; }

    public IReadOnlyList<ConfigProblem> Problems => Volatile.Read(ref problems);

    /// <summary>Completes once the first load is in the store; faults if it could not be done.</summary>
    public Task InitialLoad => initialLoad.Task;

    public bool HasSynced => initialLoad.Task.IsCompletedSuccessfully;

    /// <summary>Completed loads of the directory, whether or not they changed anything.</summary>
    internal int LoadCount => Volatile.Read(ref loadCount);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        string stamp;
        try
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"YAML source directory '{directory}' does not exist.");
            }

            // Watch before the first load, so that a change made while it runs is not missed.
            watcher = options.Watch ? new DirectoryChangeWatcher(directory, ex => YamlSourceLog.WatcherFailed(logger, ex, directory)) : null;
            stamp = watcher is null ? "" : SafeStamp();
            Reload();
            initialLoad.TrySetResult();
        }
        catch (Exception ex)
        {
            initialLoad.TrySetException(ex);
            throw;
        }

        if (watcher is not null)
        {
            if (options.Mesh is null)
            {
                store.Subscribe(new MeshConfigChangeTrigger(store.Current.Mesh, watcher.Signal));
            }

            YamlSourceLog.Watching(logger, directory, options.PollInterval.TotalSeconds);
            watchLoop = Task.Run(() => WatchAsync(watcher, stamp, stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (watchLoop is not null)
        {
            await watchLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Idempotent: the container disposes the instance once per registration that exposes it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        stopping.Cancel();
        watcher?.Dispose();
        stopping.Dispose();
    }

    /// <summary>Loads the directory and applies what changed; returns whether anything was applied.</summary>
    internal bool Reload()
    {
        var watch = Stopwatch.StartNew();
        var mesh = options.Mesh ?? store.Current.Mesh;
        Volatile.Write(ref loadedWith, mesh);
        var result = YamlMeshLoader.LoadDirectory(directory, mesh, schemas);
        Report(result, watch.ElapsedMilliseconds);
        var delta = differ.Diff(result.Delta);
        if (delta.IsEmpty)
        {
            YamlSourceLog.Unchanged(logger, directory);
            Interlocked.Increment(ref loadCount);
            return false;
        }

        store.Apply(SourceName, delta);
        Interlocked.Increment(ref loadCount);
        YamlSourceLog.Applied(logger, directory, delta.UpsertedServices.Length, delta.UpsertedEndpoints.Length,
            delta.UpsertedConfigs.Length, delta.UpsertedNamespaces.Length, delta.RemovedServices.Length,
            delta.RemovedConfigs.Length, delta.RemovedNamespaces.Length);
        return true;
    }

    private async Task WatchAsync(DirectoryChangeWatcher watcher, string stamp, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var signalled = await watcher.WaitAsync(options.PollInterval, cancellationToken).ConfigureAwait(false);
                if (signalled)
                {
                    await watcher.SettleAsync(options.DebounceDelay, MaxSettle, cancellationToken).ConfigureAwait(false);
                }

                var current = SafeStamp();
                if (current == stamp && !MeshChangedSinceLoad())
                {
                    continue;
                }

                stamp = current;
                Reload();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                YamlSourceLog.ReloadFailed(logger, ex, directory);
            }
        }
    }

    /// <summary>Whether the directory must be converted again: MeshConfig changed since the last load.</summary>
    private bool MeshChangedSinceLoad() => options.Mesh is null && !ReferenceEquals(store.Current.Mesh, Volatile.Read(ref loadedWith));

    private string SafeStamp()
    {
        try
        {
            return YamlFileScanner.Stamp(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Publishes the problems and logs those not already logged by an earlier load.</summary>
    private void Report(YamlLoadResult result, long elapsedMs)
    {
        Volatile.Write(ref problems, result.Problems);
        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        YamlSourceLog.Loaded(logger, directory, result.ObjectCount, result.FileCount, errors, result.Problems.Count - errors, elapsedMs);
        foreach (var skipped in result.Skipped)
        {
            YamlSourceLog.Skipped(logger, skipped.Origin, skipped.ApiVersion, skipped.Kind);
        }

        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in result.Problems)
        {
            var text = $"{problem.Severity}:{problem}";
            if (current.Add(text) && !logged.Contains(text))
            {
                LogProblem(problem);
            }
        }

        logged = current;
    }

    private void LogProblem(ConfigProblem problem)
    {
        if (problem.Severity == ProblemSeverity.Error)
        {
            YamlSourceLog.Rejected(logger, problem.Origin, problem.Kind, problem.Namespace, problem.Name, problem.Field, problem.Message);
        }
        else
        {
            YamlSourceLog.Warned(logger, problem.Origin, problem.Kind, problem.Namespace, problem.Name, problem.Field, problem.Message);
        }
    }
}
