namespace ControlPlane.Kubernetes.Yaml;

using System.Diagnostics;
using System.Threading.Channels;

/// <summary>
/// Turns file-system events under a directory into a coalesced "something changed" signal. Every event counts,
/// including those on dot-named entries: a mounted ConfigMap changes by swapping its <c>..data</c> link. When events
/// cannot be had (inotify limits, unsupported file systems) the waits simply time out and the caller's polling takes
/// over.
/// </summary>
internal sealed class DirectoryChangeWatcher : IDisposable
{
    // Capacity 1 with DropWrite: any number of events before the next read collapse into one signal.
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly FileSystemWatcher? watcher;

    public DirectoryChangeWatcher(string directory, Action<Exception> onFailure)
    {
        try
        {
            watcher = new FileSystemWatcher(directory)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
                    | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, e) =>
            {
                onFailure(e.GetException());
                Signal();
            };
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            watcher?.Dispose();
            watcher = null;
            onFailure(ex);
        }
    }

    /// <summary>True when a change was signalled within <paramref name="timeout"/>, false when it elapsed quietly.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await signals.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until no event arrived for <paramref name="quiet"/>, but at most <paramref name="limit"/> in all.</summary>
    public async Task SettleAsync(TimeSpan quiet, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < limit && await WaitAsync(quiet, cancellationToken).ConfigureAwait(false))
        {
        }
    }

    public void Dispose() => watcher?.Dispose();

    /// <summary>Raises the same signal as a file event, for a reason outside the directory (a MeshConfig change).</summary>
    public void Signal() => signals.Writer.TryWrite(true);
}
